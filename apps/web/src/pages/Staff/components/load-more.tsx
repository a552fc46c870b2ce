import { useTranslation } from '../../../i18n/use-translation';
import { Button } from '../../../components/button';
import { ErrorState } from '../../../components/query-state';

export interface LoadMoreProps {
  hasMore: boolean;
  loadingMore: boolean;
  /** Why the last page failed to load, or null. */
  loadMoreError: unknown;
  onLoadMore: () => void;
}

/** Under a paged list: why the next page failed, if it did, and the button that loads it. */
export function LoadMore({
  hasMore,
  loadingMore,
  loadMoreError,
  onLoadMore,
  label,
}: LoadMoreProps & { label: string }) {
  const { t } = useTranslation();
  return (
    <>
      {loadMoreError !== null && <ErrorState error={loadMoreError} />}
      {hasMore && (
        <Button pending={loadingMore} pendingLabel={t('common.loading')} onClick={onLoadMore}>
          {label}
        </Button>
      )}
    </>
  );
}
