import type { SearchUsersResponse } from '@mailgate/contracts';
import { useId } from 'react';
import { Link } from '../../../../router/links';
import { useTranslation } from '../../../../i18n/use-translation';
import { ErrorState } from '../../../../components/query-state';
import { RoleBadge, StatusBadge } from '../../components/badges';
import { Button } from '../../../../components/button';
import { ScrollBox } from '../../../../components/scroll-box';

interface UserSearchResultsProps {
  pages: readonly SearchUsersResponse[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMoreError: unknown;
  onLoadMore: () => void;
}

export function UserSearchResults({ pages, hasMore, loadingMore, loadMoreError, onLoadMore }: UserSearchResultsProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const users = pages.flatMap((page) => page.items);
  const usedMatch = pages[0]?.match;

  return (
    <section className="admin-results" aria-labelledby={captionId}>
      <h2 id={captionId}>{t('admin.users.resultsTitle')}</h2>
      {/* Announced when a search finishes, so a screen-reader user knows whether to read on. */}
      <p role="status">
        {users.length === 0
          ? t('admin.users.noResults')
          : t(hasMore ? 'admin.users.countMore' : 'admin.users.count', { count: users.length })}
        {usedMatch && ` ${t('admin.users.usedMatch', { match: t(`admin.users.match.${usedMatch}`) })}`}
      </p>
      {users.length > 0 && (
        <ScrollBox className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.users.resultsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.columns.email')}</th>
                <th scope="col">{t('admin.users.columns.name')}</th>
                <th scope="col">{t('admin.users.columns.role')}</th>
                <th scope="col">{t('admin.users.columns.twoFactor')}</th>
                <th scope="col">{t('admin.users.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    <Link to={`/admin/users/${user.id}`}>{user.email}</Link>
                  </th>
                  <td>{user.displayName || '—'}</td>
                  <td>
                    <RoleBadge role={user.role} />
                  </td>
                  <td>{user.totpEnabled ? t('common.on') : t('common.off')}</td>
                  <td>
                    <StatusBadge disabled={user.disabled} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {loadMoreError !== null && <ErrorState error={loadMoreError} />}
      {hasMore && (
        <Button pending={loadingMore} pendingLabel={t('common.loading')} onClick={onLoadMore}>
          {t('admin.users.loadMore')}
        </Button>
      )}
    </section>
  );
}
