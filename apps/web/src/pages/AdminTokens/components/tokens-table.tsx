import type { ServiceTokenViewDto } from '@mailgate/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevokeServiceToken } from '../../../api/admin/mutations';
import { useErrorMessage } from '../../../i18n/error-message';
import { AdminDialog } from '../../Admin/components/admin-dialog';
import { useAnnounce } from '../../Admin/components/announcer';
import { useFormatters } from '../../Admin/components/use-formatters';

export function TokensTable({ tokens }: { tokens: readonly ServiceTokenViewDto[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormatters();
  const [revoking, setRevoking] = useState<ServiceTokenViewDto | null>(null);

  return (
    <section className="admin-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.tokens.listTitle')}</h2>
      {tokens.length === 0 ? (
        <p className="muted">{t('admin.tokens.none')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.tokens.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.tokens.name')}</th>
                <th scope="col">{t('admin.tokens.createdColumn')}</th>
                <th scope="col">{t('admin.tokens.lastUsed')}</th>
                <th scope="col">{t('admin.tokens.state')}</th>
                <th scope="col">{t('admin.common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{format.dateTime(token.createdAt)}</td>
                  <td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('admin.tokens.neverUsed')}</td>
                  <td>
                    {token.revokedAt
                      ? t('admin.tokens.revokedAt', { when: format.dateTime(token.revokedAt) })
                      : t('admin.common.active')}
                  </td>
                  <td>
                    {!token.revokedAt && (
                      <button
                        type="button"
                        className="button button--danger-outline"
                        aria-label={t('admin.tokens.revokeLabel', { name: token.name })}
                        onClick={() => setRevoking(token)}
                      >
                        {t('admin.tokens.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </section>
  );
}

function RevokeTokenDialog({ token, onClose }: { token: ServiceTokenViewDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const announce = useAnnounce();
  const revoke = useRevokeServiceToken();

  return (
    <AdminDialog
      open={token !== null}
      title={t('admin.tokens.revokeTitle', { name: token?.name ?? '' })}
      onClose={() => {
        revoke.reset();
        onClose();
      }}
    >
      <p>{t('admin.tokens.revokeDescription')}</p>
      <div role="alert" className={revoke.error ? 'form-alert' : undefined}>
        {revoke.error ? errorMessage(revoke.error) : null}
      </div>
      <div className="admin-actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('admin.common.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={revoke.isPending}
          onClick={() =>
            token &&
            revoke.mutate(token.id, {
              onSuccess: () => {
                announce(t('admin.tokens.revoked', { name: token.name }));
                onClose();
              },
            })
          }
        >
          {revoke.isPending ? t('admin.common.working') : t('admin.tokens.revoke')}
        </button>
      </div>
    </AdminDialog>
  );
}
