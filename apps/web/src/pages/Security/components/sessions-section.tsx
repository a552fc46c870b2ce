import type { SessionView } from '@mailgate/contracts';
import { useTranslation } from '../../../i18n/use-translation';
import { useRevokeSession, useSignOutOthers } from '../../../api/auth/mutations';
import { useSessions } from '../../../api/auth/queries';
import { FormError } from '../../../components/alert';
import { Button } from '../../../components/button';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useToast } from '../../../components/toast';
import { useActionError } from '../../../i18n/error-message';
import { useFormat } from '../../../i18n/format';
import { describeUserAgent } from './describe-user-agent';

export function SessionsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const actionError = useActionError();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const signOutOthers = useSignOutOthers();

  if (sessions.isPending) return <LoadingState />;
  if (sessions.isError) {
    return <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} retrying={sessions.isFetching} />;
  }

  function deviceName(session: SessionView): string {
    const { browser, system } = describeUserAgent(session.userAgent);
    if (browser && system) return `${browser} · ${system}`;
    return browser ?? system ?? t('sessions.unknownDevice');
  }

  const others = sessions.data.sessions.filter((session) => !session.current);
  return (
    <div className="form">
      <ul className="session-list" aria-label={t('sessions.listLabel')}>
        {sessions.data.sessions.map((session) => (
          <li key={session.id} className="session-list__item">
            <div>
              <p className="session-list__device">
                {deviceName(session)}
                {session.current && <span className="badge badge--active">{t('sessions.thisDevice')}</span>}
              </p>
              <p className="muted">
                {t('sessions.detail', {
                  created: format.dateTime(session.createdAt),
                  lastSeen: format.dateTime(session.lastSeenAt),
                })}
                {session.ip && <> · {t('sessions.ip', { ip: session.ip })}</>}
              </p>
            </div>
            {!session.current && (
              <Button
                variant="ghost"
                pending={revoke.isPending && revoke.variables === session.id}
                onClick={() => revoke.mutate(session.id, { onSuccess: () => toast.show(t('sessions.signedOutOne')) })}
              >
                {t('sessions.signOut')}
                <span className="visually-hidden"> {deviceName(session)}</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
      <FormError message={actionError(revoke.error) ?? actionError(signOutOthers.error)} />
      {others.length > 0 ? (
        <div>
          <Button
            pending={signOutOthers.isPending}
            pendingLabel={t('sessions.signingOut')}
            onClick={() =>
              signOutOthers.mutate(undefined, {
                onSuccess: (result) => toast.show(t('sessions.signedOutOthers', { count: result.signedOut })),
              })
            }
          >
            {t('sessions.signOutOthers')}
          </Button>
        </div>
      ) : (
        <p className="muted">{t('sessions.onlyThis')}</p>
      )}
    </div>
  );
}
