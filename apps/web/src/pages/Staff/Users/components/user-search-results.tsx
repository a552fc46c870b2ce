import type { SearchUsersResponse } from '@mailgate/contracts';
import { useId } from 'react';
import { Link } from '../../../../router/links';
import { useTranslation } from '../../../../i18n/use-translation';
import { RoleBadge, StatusBadge } from '../../components/badges';
import { LoadMore, type LoadMoreProps } from '../../components/load-more';
import { StaffTable } from '../../components/staff-table';

interface UserSearchResultsProps extends LoadMoreProps {
  pages: readonly SearchUsersResponse[];
}

export function UserSearchResults({ pages, ...paging }: UserSearchResultsProps) {
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
          : t(paging.hasMore ? 'admin.users.countMore' : 'admin.users.count', { count: users.length })}
        {usedMatch && ` ${t('admin.users.usedMatch', { match: t(`admin.users.match.${usedMatch}`) })}`}
      </p>
      {users.length > 0 && (
        <StaffTable
          caption={t('admin.users.resultsTitle')}
          columns={[
            t('admin.users.columns.email'),
            t('admin.users.columns.name'),
            t('admin.users.columns.role'),
            t('admin.users.columns.twoFactor'),
            t('admin.users.columns.status'),
          ]}
        >
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
        </StaffTable>
      )}
      <LoadMore {...paging} label={t('admin.users.loadMore')} />
    </section>
  );
}
