import type { ServiceTokenView } from '@mailgate/contracts';
import { useId, useState } from 'react';
import { useTranslation } from '../../../../i18n/use-translation';
import { useRevokeServiceToken } from '../../../../api/admin/mutations';
import { Button } from '../../../../components/button';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { useToast } from '../../../../components/toast';
import { useActionError } from '../../../../i18n/error-message';
import { useFormat } from '../../../../i18n/format';
import { StaffTable } from '../../components/staff-table';

export function TokensTable({ tokens }: { tokens: readonly ServiceTokenView[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const format = useFormat();
  const [revoking, setRevoking] = useState<ServiceTokenView | null>(null);

  return (
    <section className="admin-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.tokens.listTitle')}</h2>
      {tokens.length === 0 ? (
        <p className="muted">{t('admin.tokens.none')}</p>
      ) : (
        <StaffTable
          caption={t('admin.tokens.listTitle')}
          columns={[
            t('admin.tokens.name'),
            t('admin.tokens.createdColumn'),
            t('admin.tokens.lastUsed'),
            t('admin.tokens.state'),
            t('admin.common.actions'),
          ]}
        >
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
                  <Button
                    variant="ghost"
                    aria-label={t('admin.tokens.revokeLabel', { name: token.name })}
                    onClick={() => setRevoking(token)}
                  >
                    {t('admin.tokens.revoke')}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </StaffTable>
      )}
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </section>
  );
}

function RevokeTokenDialog({ token, onClose }: { token: ServiceTokenView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const actionError = useActionError();
  const toast = useToast();
  const revoke = useRevokeServiceToken();
  const close = () => {
    revoke.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      open={token !== null}
      title={t('admin.tokens.revokeTitle', { name: token?.name ?? '' })}
      body={<p>{t('admin.tokens.revokeDescription')}</p>}
      confirmLabel={t('admin.tokens.revoke')}
      pendingLabel={t('admin.common.working')}
      pending={revoke.isPending}
      error={actionError(revoke.error)}
      onConfirm={() =>
        token &&
        revoke.mutate(token.id, {
          onSuccess: () => {
            toast.show(t('admin.tokens.revoked', { name: token.name }));
            close();
          },
        })
      }
      onCancel={close}
    />
  );
}
