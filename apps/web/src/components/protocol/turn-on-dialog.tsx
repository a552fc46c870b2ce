import type { Protocol } from '@mailgate/contracts';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { FormError } from '../alert';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { ProtocolOptions, type ProtocolOptionValues } from './protocol-options';

interface TurnOnDialogProps {
  protocol: Protocol;
  initial: ProtocolOptionValues;
  pending: boolean;
  error: string | null;
  onConfirm: (values: ProtocolOptionValues) => void;
  onCancel: () => void;
}

/**
 * Choices before the action: how long (and for POP3, whether the server keeps a copy) is asked
 * when the switch is flipped, and only "Turn on" acts.
 */
export function TurnOnDialog({ protocol, initial, pending, error, onConfirm, onCancel }: TurnOnDialogProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const name = t(`protocols.${protocol}.name`);
  return (
    <Dialog open onClose={onCancel} title={t('protocols.turnOn.title', { protocol: name })}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          // The dialog may sit inside another form (the app-password form); React's submit event
          // would bubble up to it and submit that one too.
          event.stopPropagation();
          onConfirm(values);
        }}
      >
        <ProtocolOptions protocol={protocol} idSuffix="enable" values={values} onChange={setValues} />
        <FormError message={error} />
        <div className="button-row">
          <Button type="submit" variant="primary" pending={pending} pendingLabel={t('protocols.turnOn.pending')}>
            {t('protocols.turnOn.confirm', { protocol: name })}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Dialog>
  );
}
