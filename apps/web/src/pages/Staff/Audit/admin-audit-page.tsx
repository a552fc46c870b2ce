import { useSearchParams } from '../../../router/hooks';
import { useTranslation } from '../../../i18n/use-translation';
import { auditExportUrl, useAuditLog } from '../../../api/admin/queries';
import { PageTitle } from '../../../components/page-title';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { filtersFromParams, filtersToParams } from './audit-filters';
import { AuditFilterForm } from './components/audit-filter-form';
import { AuditTable } from './components/audit-table';

/** The append-only audit log: who changed what, before and after, and why. */
export function AdminAuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const log = useAuditLog(filters);

  return (
    <>
      <PageTitle title={t('admin.audit.title')} />
      <h1>{t('admin.audit.title')}</h1>
      <p className="lead">{t('admin.audit.intro')}</p>
      <AuditFilterForm key={params.toString()} initial={filters} onApply={(next) => setParams(filtersToParams(next))} />
      <p>
        {/* A plain link: the browser downloads the CSV with the session cookie, nothing is buffered here. */}
        <a className="button button--secondary" href={auditExportUrl(filters)} download>
          {t('admin.audit.export')}
        </a>
      </p>
      {log.isPending ? (
        <LoadingState />
      ) : !log.data ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <AuditTable
          events={log.data.pages.flatMap((page) => page.items)}
          hasMore={log.hasNextPage}
          loadingMore={log.isFetchingNextPage}
          loadMoreError={log.isFetchNextPageError ? log.error : null}
          onLoadMore={() => void log.fetchNextPage()}
        />
      )}
    </>
  );
}
