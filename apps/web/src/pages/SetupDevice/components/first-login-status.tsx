import type { FirstLoginAttempt, Protocol } from '@mailgate/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { useFirstLogin } from '../../../api/mail-setup/queries';
import { useSetProtocolAccess } from '../../../api/protocol-access/mutations';
import { Alert } from '../../../components/alert';
import { Button } from '../../../components/button';
import { useActionError } from '../../../i18n/error-message';
import { useFormat } from '../../../i18n/format';

/**
 * "Is it working?": waits for the first login with the new app password and says what happened.
 * A refusal comes with the fix the user can make here (turn the protocol on) or in the program.
 */
export function FirstLoginStatus({ appPasswordId }: { appPasswordId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const check = useFirstLogin(appPasswordId);
  const data = check.data;

  return (
    <section className="setup-check" aria-labelledby="first-login-heading">
      <h2 id="first-login-heading">{t('mailSetup.check.title')}</h2>
      <div aria-live="polite">
        {(!data || data.status === 'waiting') && (
          <Alert tone="info">
            <p>{t('mailSetup.check.waiting')}</p>
          </Alert>
        )}
        {data?.status === 'connected' && data.attempt && (
          <Alert tone="success">
            <p>
              {t('mailSetup.check.connected', {
                protocol: data.attempt.protocol ?? '—',
                ip: data.attempt.clientIp ?? '—',
                time: format.dateTime(data.attempt.time),
              })}
            </p>
          </Alert>
        )}
        {data?.status === 'refused' && data.attempt && <Refusal attempt={data.attempt} />}
      </div>
    </section>
  );
}

function Refusal({ attempt }: { attempt: FirstLoginAttempt }) {
  const { t } = useTranslation();
  const format = useFormat();
  const turnOn = useSetProtocolAccess();
  const actionError = useActionError();
  const protocol: Protocol | null = attempt.protocol;
  const reason = t(`activity.reasons.${attempt.reasonCode}`);
  const protocolOff = attempt.reasonCode === 'PROTOCOL_DISABLED' || attempt.reasonCode === 'PROTOCOL_EXPIRED';

  return (
    <Alert
      tone="error"
      title={t('mailSetup.check.refused', { time: format.dateTime(attempt.time), protocol: protocol ?? '—', reason })}
      actions={
        protocolOff && protocol && !turnOn.isSuccess ? (
          <Button
            variant="primary"
            pending={turnOn.isPending}
            onClick={() => turnOn.mutate({ protocol, enabled: true })}
          >
            {t('mailSetup.check.fixProtocol', { protocol })}
          </Button>
        ) : undefined
      }
    >
      {turnOn.isSuccess && protocol && <p>{t('mailSetup.check.fixedProtocol', { protocol })}</p>}
      {actionError(turnOn.error) && <p>{actionError(turnOn.error)}</p>}
      {attempt.reasonCode === 'TLS_REQUIRED' && <p>{t('mailSetup.check.fixTls')}</p>}
      {attempt.credential === 'password' && <p>{t('mailSetup.check.fixAppPassword')}</p>}
      {attempt.reasonCode === 'APP_PASSWORD_SCOPE' && (
        <p>{t('mailSetup.check.fixAppPasswordScope', { protocol: protocol ?? '—' })}</p>
      )}
    </Alert>
  );
}
