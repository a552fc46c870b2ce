import type { AccessDuration, Protocol } from '@mailgate/contracts';
import { useTranslation } from '../../i18n/use-translation';
import { ACCESS_DURATIONS } from '@mailgate/contracts/values';
import { CheckboxField, RadioGroup } from '../form-field';

export interface ProtocolOptionValues {
  duration: AccessDuration;
  keepCopy: boolean;
}

interface ProtocolOptionsProps {
  protocol: Protocol;
  /** Distinguishes the "turn on" and "change" instances of the same card. */
  idSuffix: string;
  values: ProtocolOptionValues;
  onChange: (values: ProtocolOptionValues) => void;
  disabled?: boolean;
}

/** How long a protocol stays on, and for POP3 whether the server keeps a copy. */
export function ProtocolOptions({ protocol, idSuffix, values, onChange, disabled }: ProtocolOptionsProps) {
  const { t } = useTranslation();
  return (
    <div className="protocol-options">
      <RadioGroup
        legend={t('protocols.duration.legend')}
        name={`${protocol}-duration-${idSuffix}`}
        value={values.duration}
        options={ACCESS_DURATIONS.map((duration) => ({
          value: duration,
          label: t(`protocols.duration.${duration}`),
        }))}
        onChange={(duration) => onChange({ ...values, duration })}
        hint={t('protocols.duration.restartHint')}
        disabled={disabled}
        inline
      />
      {protocol === 'POP3' && (
        <CheckboxField
          label={t('protocols.keepCopy.label')}
          hint={t('protocols.keepCopy.hint')}
          checked={values.keepCopy}
          onChange={(event) => onChange({ ...values, keepCopy: event.target.checked })}
          disabled={disabled}
        />
      )}
    </div>
  );
}
