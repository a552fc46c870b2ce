import type { IncomingProtocol } from '@mailgate/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { useProtocolAccess } from '../../../api/protocol-access/queries';
import { RadioGroup, TextField } from '../../../components/form-field';

const NAME_MAX = 64;

export interface DeviceChoice {
  deviceName: string;
  incoming: IncomingProtocol;
}

interface DeviceFormProps {
  value: DeviceChoice;
  onChange: (value: DeviceChoice) => void;
  showErrors: boolean;
}

/** The device's name (it becomes the app password's name) and how it receives mail. */
export function DeviceForm({ value, onChange, showErrors }: DeviceFormProps) {
  const { t } = useTranslation();
  const access = useProtocolAccess();
  const incomingOff =
    access.data?.protocols.find((item) => item.protocol === value.incoming)?.effectiveEnabled === false;
  return (
    <div className="form">
      <TextField
        label={t('mailSetup.form.deviceName')}
        hint={t('mailSetup.form.deviceNameHint')}
        error={showErrors && value.deviceName.trim() === '' ? t('mailSetup.form.deviceNameRequired') : null}
        value={value.deviceName}
        onChange={(event) => onChange({ ...value, deviceName: event.target.value })}
        maxLength={NAME_MAX}
        autoComplete="off"
        required
      />
      <RadioGroup<IncomingProtocol>
        legend={t('mailSetup.form.incoming')}
        name="incoming"
        value={value.incoming}
        options={[
          { value: 'IMAP', label: t('mailSetup.form.imap') },
          { value: 'POP3', label: t('mailSetup.form.pop3') },
        ]}
        onChange={(incoming) => onChange({ ...value, incoming })}
        hint={t('mailSetup.form.smtpNote')}
      />
      {incomingOff && (
        <p className="field__hint field__hint--warning">
          {t('mailSetup.form.incomingOff', { protocol: value.incoming })}
        </p>
      )}
    </div>
  );
}
