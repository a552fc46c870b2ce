import type { AppPasswordView } from '@mailgate/contracts';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useSearchParams } from '../../router/hooks';
import { useRevokeAllAppPasswords, useRevokeAppPassword } from '../../api/app-passwords/mutations';
import { useAppPasswords } from '../../api/app-passwords/queries';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { PageTitle } from '../../components/page-title';
import { ErrorState, LoadingState } from '../../components/query-state';
import { useToast } from '../../components/toast';
import { useActionError } from '../../i18n/error-message';
import { AppPasswordsTable } from './components/app-passwords-table';
import { CreateAppPasswordDialog } from './components/create-app-password-dialog';

export function AppPasswordsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const actionError = useActionError();
  const list = useAppPasswords();
  const revoke = useRevokeAppPassword();
  const revokeAll = useRevokeAllAppPasswords();
  const [params, setParams] = useSearchParams();
  // The create dialog is part of the URL, so "Create an app password" on the Mail programs page can
  // link straight to it (?create=1).
  const creating = params.get('create') === '1';
  const setCreating = (open: boolean) => setParams(open ? { create: '1' } : {}, { replace: !open });
  const [revoking, setRevoking] = useState<AppPasswordView | null>(null);
  const [revokingAll, setRevokingAll] = useState(false);

  const activeCount = list.data?.activeCount ?? 0;

  return (
    <>
      <PageTitle title={t('appPasswords.title')} />
      <h1>{t('appPasswords.title')}</h1>
      <p className="lead">{t('appPasswords.intro')}</p>
      <div className="toolbar">
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('appPasswords.create')}
        </Button>
        {activeCount > 0 && (
          <Button variant="danger" onClick={() => setRevokingAll(true)}>
            {t('appPasswords.revokeAll')}
          </Button>
        )}
        {list.data && (
          <p className="toolbar__note">{t('appPasswords.usage', { count: activeCount, limit: list.data.limit })}</p>
        )}
      </div>
      <section className="card" aria-label={t('appPasswords.table.caption')}>
        {list.isPending && <LoadingState />}
        {list.isError && (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} retrying={list.isFetching} />
        )}
        {list.data &&
          (list.data.appPasswords.length === 0 ? (
            <p className="muted">{t('appPasswords.empty')}</p>
          ) : (
            <AppPasswordsTable appPasswords={list.data.appPasswords} onRevoke={setRevoking} />
          ))}
      </section>

      <CreateAppPasswordDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={revoking !== null}
        title={t('appPasswords.confirmRevoke.title', { name: revoking?.name ?? '' })}
        body={<p>{t('appPasswords.confirmRevoke.body')}</p>}
        confirmLabel={t('appPasswords.confirmRevoke.confirm')}
        pendingLabel={t('appPasswords.confirmRevoke.pending')}
        pending={revoke.isPending}
        error={actionError(revoke.error)}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              toast.show(t('appPasswords.revoked', { name: revoking.name }));
              setRevoking(null);
            },
          });
        }}
        onCancel={() => {
          revoke.reset();
          setRevoking(null);
        }}
      />
      <ConfirmDialog
        open={revokingAll}
        title={t('appPasswords.confirmRevokeAll.title')}
        body={<p>{t('appPasswords.confirmRevokeAll.body')}</p>}
        confirmLabel={t('appPasswords.confirmRevokeAll.confirm')}
        pendingLabel={t('appPasswords.confirmRevokeAll.pending')}
        pending={revokeAll.isPending}
        error={actionError(revokeAll.error)}
        onConfirm={() =>
          revokeAll.mutate(undefined, {
            onSuccess: (result) => {
              toast.show(t('appPasswords.revokedAll', { count: result.revoked }));
              setRevokingAll(false);
            },
          })
        }
        onCancel={() => {
          revokeAll.reset();
          setRevokingAll(false);
        }}
      />
    </>
  );
}
