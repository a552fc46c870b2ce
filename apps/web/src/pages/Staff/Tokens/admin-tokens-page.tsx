import { useState } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import type { CreateServiceTokenResponse } from '@mailgate/contracts';
import { useServiceTokens } from '../../../api/admin/queries';
import { Button } from '../../../components/button';
import { PageTitle } from '../../../components/page-title';
import { AdminOnlyNote } from '../components/admin-only-note';
import { OneTimeSecret } from '../components/one-time-secret';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useIsAdmin } from '../../Staff/staff-context';
import { CreateTokenForm } from './components/create-token-form';
import { TokensTable } from './components/tokens-table';

/** Credentials for the mail servers (Dovecot, Postfix) to ask Mailgate about logins. */
export function AdminTokensPage() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const tokens = useServiceTokens();
  const [created, setCreated] = useState<CreateServiceTokenResponse | null>(null);

  return (
    <>
      <PageTitle title={t('admin.tokens.title')} />
      <h1>{t('admin.tokens.title')}</h1>
      <p className="lead">{t('admin.tokens.intro')}</p>
      {!isAdmin ? (
        <AdminOnlyNote />
      ) : (
        <>
          <CreateTokenForm onCreated={setCreated} />
          {created && (
            <section className="card admin-once" aria-label={t('admin.tokens.createdTitle', { name: created.name })}>
              <h2>{t('admin.tokens.createdTitle', { name: created.name })}</h2>
              <OneTimeSecret
                label={t('admin.tokens.secretLabel')}
                value={created.token}
                notice={t('admin.tokens.secretNotice')}
              />
              <Button onClick={() => setCreated(null)}>{t('admin.tokens.secretDone')}</Button>
            </section>
          )}
          {tokens.isPending ? (
            <LoadingState />
          ) : tokens.isError ? (
            <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
          ) : (
            <TokensTable tokens={tokens.data.items} />
          )}
        </>
      )}
    </>
  );
}
