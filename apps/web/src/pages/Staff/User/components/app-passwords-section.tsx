import type { AppPasswordView } from '@mailgate/contracts';
import { useId } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useRevokeAllUserAppPasswords, useRevokeUserAppPassword } from '../../../../api/admin/mutations';
import { ReasonActionButton } from '../../components/reason-action-button';
import { useFormat } from '../../../../i18n/format';
import { ScrollBox } from '../../../../components/scroll-box';

interface AppPasswordsSectionProps {
  userId: string;
  appPasswords: readonly AppPasswordView[];
  canAct: boolean;
}

/** Metadata only: the secrets are never readable, not even by staff. */
export function AppPasswordsSection({ userId, appPasswords, canAct }: AppPasswordsSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormat();
  const revoke = useRevokeUserAppPassword(userId);
  const revokeAll = useRevokeAllUserAppPasswords(userId);
  const active = appPasswords.filter((entry) => entry.status === 'active');

  return (
    <section className="card admin-span-2" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.appPasswords.title')}</h2>
      {appPasswords.length === 0 ? (
        <p className="muted">{t('admin.appPasswords.none')}</p>
      ) : (
        <ScrollBox className="table-scroll">
          <table className="data-table admin-table">
            <caption className="visually-hidden">{t('admin.appPasswords.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.appPasswords.name')}</th>
                <th scope="col">{t('admin.appPasswords.scopes')}</th>
                <th scope="col">{t('admin.appPasswords.created')}</th>
                <th scope="col">{t('admin.appPasswords.lastUsed')}</th>
                <th scope="col">{t('admin.appPasswords.state')}</th>
                {canAct && <th scope="col">{t('admin.common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {appPasswords.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">{entry.name}</th>
                  <td>{entry.scopes.join(', ')}</td>
                  <td>{format.dateTime(entry.createdAt)}</td>
                  <td>
                    {entry.lastUsedAt
                      ? t('admin.appPasswords.lastUsedDetail', {
                          when: format.dateTime(entry.lastUsedAt),
                          protocol: entry.lastUsedProtocol ?? '—',
                          ip: entry.lastUsedIp ?? '—',
                        })
                      : t('admin.appPasswords.neverUsed')}
                  </td>
                  <td>
                    {entry.status === 'revoked' && entry.revokedAt
                      ? t('admin.appPasswords.revokedAt', { when: format.dateTime(entry.revokedAt) })
                      : entry.status === 'expired'
                        ? t('admin.appPasswords.expired')
                        : entry.expiresAt
                          ? t('admin.appPasswords.expires', { when: format.dateTime(entry.expiresAt) })
                          : t('admin.common.active')}
                  </td>
                  {canAct && (
                    <td>
                      {entry.status === 'active' && (
                        <ReasonActionButton
                          label={t('admin.appPasswords.revoke')}
                          accessibleLabel={t('admin.appPasswords.revokeLabel', { name: entry.name })}
                          dialogTitle={t('admin.appPasswords.revokeTitle', { name: entry.name })}
                          description={t('admin.appPasswords.revokeDescription')}
                          confirmLabel={t('admin.appPasswords.revoke')}
                          destructive
                          run={(reason) => revoke.mutateAsync({ itemId: entry.id, reason })}
                          successMessage={t('admin.appPasswords.revoked', { name: entry.name })}
                        />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {canAct && active.length > 0 && (
        <div className="admin-actions admin-actions--start">
          <ReasonActionButton
            label={t('admin.appPasswords.revokeAll')}
            dialogTitle={t('admin.appPasswords.revokeAllTitle')}
            description={t('admin.appPasswords.revokeAllDescription', { count: active.length })}
            confirmLabel={t('admin.appPasswords.revokeAll')}
            destructive
            run={(reason) => revokeAll.mutateAsync({ reason })}
            successMessage={t('admin.appPasswords.revokedAll')}
          />
        </div>
      )}
    </section>
  );
}
