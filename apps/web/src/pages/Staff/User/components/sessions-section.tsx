import type { AdminSession } from '@mailgate/contracts';
import { useId } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useRevokeAllUserSessions, useRevokeUserSession } from '../../../../api/admin/mutations';
import { ReasonActionButton } from '../../components/reason-action-button';
import { useFormat } from '../../../../i18n/format';
import { deviceName } from '../../../Security/components/describe-user-agent';
import { ScrollBox } from '../../../../components/scroll-box';

interface SessionsSectionProps {
  userId: string;
  sessions: readonly AdminSession[];
  canAct: boolean;
}

export function SessionsSection({ userId, sessions, canAct }: SessionsSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormat();
  const revoke = useRevokeUserSession(userId);
  const revokeAll = useRevokeAllUserSessions(userId);

  return (
    <section className="card admin-span-2" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.sessions.title')}</h2>
      {sessions.length === 0 ? (
        <p className="muted">{t('admin.sessions.none')}</p>
      ) : (
        <ScrollBox className="table-scroll">
          <table className="data-table admin-table">
            <caption className="visually-hidden">{t('admin.sessions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.sessions.device')}</th>
                <th scope="col">{t('admin.sessions.ip')}</th>
                <th scope="col">{t('admin.sessions.started')}</th>
                <th scope="col">{t('admin.sessions.lastSeen')}</th>
                {canAct && <th scope="col">{t('admin.common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => {
                // "Firefox on Windows" rather than the raw User-Agent string.
                const device =
                  deviceName(session.userAgent, (browser, system) =>
                    t('admin.sessions.browserOn', { browser, system }),
                  ) ?? t('admin.sessions.unknownDevice');
                return (
                  <tr key={session.id}>
                    <th scope="row" className="admin-table__wrap">
                      {device}
                    </th>
                    <td>{session.ip ?? '—'}</td>
                    <td>{format.dateTime(session.createdAt)}</td>
                    <td>{format.dateTime(session.lastSeenAt)}</td>
                    {canAct && (
                      <td>
                        <ReasonActionButton
                          label={t('admin.sessions.signOut')}
                          accessibleLabel={t('admin.sessions.signOutLabel', {
                            when: format.dateTime(session.createdAt),
                          })}
                          dialogTitle={t('admin.sessions.signOutTitle')}
                          description={t('admin.sessions.signOutDescription')}
                          confirmLabel={t('admin.sessions.signOut')}
                          destructive
                          run={(reason) => revoke.mutateAsync({ itemId: session.id, reason })}
                          successMessage={t('admin.sessions.signedOut')}
                        />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {canAct && sessions.length > 0 && (
        <div className="admin-actions admin-actions--start">
          <ReasonActionButton
            label={t('admin.sessions.signOutAll')}
            dialogTitle={t('admin.sessions.signOutAllTitle')}
            description={t('admin.sessions.signOutAllDescription')}
            confirmLabel={t('admin.sessions.signOutAll')}
            destructive
            run={(reason) => revokeAll.mutateAsync({ reason })}
            successMessage={t('admin.sessions.signedOutAll')}
          />
        </div>
      )}
    </section>
  );
}
