import { useTranslation } from '../../../i18n/use-translation';
import { useGlobalSettings } from '../../../api/admin/queries';
import { PageTitle } from '../../../components/page-title';
import { AdminOnlyNote } from '../components/admin-only-note';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { useIsAdmin } from '../../Staff/staff-context';
import { SettingsForm } from './components/settings-form';

export function AdminSettingsPage() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const settings = useGlobalSettings();

  return (
    <>
      <PageTitle title={t('admin.settings.title')} />
      <h1>{t('admin.settings.title')}</h1>
      <p className="lead">{t('admin.settings.intro')}</p>
      {!isAdmin ? (
        <AdminOnlyNote />
      ) : settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm key={settings.data.updatedAt ?? 'initial'} settings={settings.data} />
      )}
    </>
  );
}
