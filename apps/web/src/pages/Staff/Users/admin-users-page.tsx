import type { Role, UserSearchMatch } from '@mailgate/contracts';
import { ROLES, USER_SEARCH_MATCHES } from '@mailgate/contracts/values';
import { useSearchParams } from '../../../router/hooks';
import { useTranslation } from '../../../i18n/use-translation';
import { useUserSearch } from '../../../api/admin/queries';
import { PageTitle } from '../../../components/page-title';
import { ErrorState, LoadingState } from '../../../components/query-state';
import { UserSearchForm } from './components/user-search-form';
import { MailOutboxCard } from './components/mail-outbox-card';
import { UserSearchResults } from './components/user-search-results';

function readMatch(value: string | null): UserSearchMatch {
  return (USER_SEARCH_MATCHES as readonly string[]).includes(value ?? '') ? (value as UserSearchMatch) : 'auto';
}

function readRole(value: string | null): Role | undefined {
  return (ROLES as readonly string[]).includes(value ?? '') ? (value as Role) : undefined;
}

/**
 * User search. The term lives in the URL (?q=&match=), so "back" from a user's page returns to the
 * same results and a search can be shared with a colleague.
 */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const match = readMatch(params.get('match'));
  const role = readRole(params.get('role'));
  const search = useUserSearch(q ? { q, match, role } : null);

  return (
    <>
      <PageTitle title={t('admin.users.title')} />
      <h1>{t('admin.users.title')}</h1>
      <p className="lead">{t('admin.users.intro')}</p>
      <UserSearchForm
        key={`${q}|${match}|${role ?? ''}`}
        initialQuery={q}
        initialMatch={match}
        initialRole={role}
        onSearch={(next) =>
          setParams(next.q ? { q: next.q, match: next.match, ...(next.role ? { role: next.role } : {}) } : {})
        }
      />
      {q &&
        (search.isPending ? (
          <LoadingState label={t('admin.users.searching')} />
        ) : !search.data ? (
          <ErrorState error={search.error} onRetry={() => void search.refetch()} />
        ) : (
          // A failed "show more" keeps the pages already shown and reports the error below them.
          <UserSearchResults
            pages={search.data.pages}
            hasMore={search.hasNextPage}
            loadingMore={search.isFetchingNextPage}
            loadMoreError={search.isFetchNextPageError ? search.error : null}
            onLoadMore={() => void search.fetchNextPage()}
          />
        ))}
      <MailOutboxCard />
    </>
  );
}
