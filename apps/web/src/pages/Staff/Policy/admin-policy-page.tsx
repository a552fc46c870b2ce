import { useTranslation } from '../../../i18n/use-translation';
import { usePasswordPolicy } from '../../../api/admin/queries';
import { PageTitle } from '../../../components/page-title';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { AdminOnlyNote } from '../components/admin-only-note';
import { useIsAdmin } from '../../Staff/staff-context';
import { PolicyEditor } from './components/policy-editor';

export function AdminPolicyPage() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const policy = usePasswordPolicy();

  return (
    <>
      <PageTitle title={t('admin.policy.title')} />
      <h1>{t('admin.policy.title')}</h1>
      <p className="lead">{t('admin.policy.intro')}</p>
      {!isAdmin ? (
        <AdminOnlyNote />
      ) : policy.isPending ? (
        <LoadingState />
      ) : policy.isError ? (
        <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        // Re-mounted per saved version, so the fields restart from what is now in force.
        <PolicyEditor key={policy.data.version} policy={policy.data} />
      )}
    </>
  );
}
