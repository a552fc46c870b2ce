import type { Protocol } from '@mailgate/contracts';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '../../../i18n/use-translation';
import { useSetProtocolAccess } from '../../../api/protocol-access/mutations';
import { Button } from '../../../components/button';
import { TurnOnDialog } from '../../../components/protocol/turn-on-dialog';
import { useActionError } from '../../../i18n/error-message';

/**
 * An app password for a protocol that is off would be refused at every login: say so, and offer to
 * turn the protocol on right here (asking how long first, as on the mail programs page).
 */
export function TurnOnOffer({ protocol }: { protocol: Protocol }) {
  const { t } = useTranslation();
  const actionError = useActionError();
  const setAccess = useSetProtocolAccess();
  const [open, setOpen] = useState(false);
  return (
    <div className="turn-on-offer">
      <p className="field__hint field__hint--warning">{t('appPasswords.form.protocolOff', { protocol })}</p>
      <Button
        onClick={() => {
          setAccess.reset();
          setOpen(true);
        }}
      >
        {t('appPasswords.form.turnOn', { protocol })}
      </Button>
      {/* Outside the app-password form and its dialog in the page, so the two never interfere. */}
      {open &&
        createPortal(
          <TurnOnDialog
            protocol={protocol}
            initial={{ duration: 'unlimited', keepCopy: true }}
            pending={setAccess.isPending}
            error={actionError(setAccess.error)}
            onCancel={() => setOpen(false)}
            onConfirm={(values) =>
              setAccess.mutate(
                {
                  protocol,
                  enabled: true,
                  duration: values.duration,
                  ...(protocol === 'POP3' ? { pop3KeepCopy: values.keepCopy } : {}),
                },
                { onSuccess: () => setOpen(false) },
              )
            }
          />,
          document.body,
        )}
    </div>
  );
}
