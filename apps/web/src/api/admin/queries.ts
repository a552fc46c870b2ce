import { routes } from '@mailgate/contracts/routes';
import type {
  AdminUserDetail,
  AuditLogQuery,
  AuditLogResponse,
  GlobalSettingsView,
  MailOutboxView,
  ListServiceTokensResponse,
  PasswordPolicyView,
  SearchUsersQuery,
  SearchUsersResponse,
} from '@mailgate/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { send } from '../http';
import { endpoint } from '../endpoint';
import { adminKeys } from './query-keys';

const USER_SEARCH_PAGE_SIZE = 20;
const AUDIT_PAGE_SIZE = 25;

export type UserSearchInput = Pick<SearchUsersQuery, 'q' | 'match' | 'role'>;
export type AuditFilters = Omit<AuditLogQuery, 'cursor' | 'limit'>;

/** Cursor pages of a user search; disabled until there is something to search for. */
export function useUserSearch(search: UserSearchInput | null) {
  return useInfiniteQuery({
    queryKey: adminKeys.search(search ?? { q: '', match: 'auto', role: undefined }),
    enabled: search !== null && search.q.trim().length > 0,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      send<SearchUsersResponse>(
        endpoint(routes.adminUser.searchUsers, {
          query: {
            q: search?.q,
            match: search?.match,
            role: search?.role,
            cursor: pageParam,
            limit: USER_SEARCH_PAGE_SIZE,
          },
        }),
        { signal },
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useAdminUser(userId: string) {
  return useQuery({
    queryKey: adminKeys.user(userId),
    queryFn: ({ signal }) =>
      send<AdminUserDetail>(endpoint(routes.adminUser.getUser, { params: { userId } }), { signal }),
    // Support is usually on the phone with the user: show what happens now, not 30 s ago.
    staleTime: 0,
  });
}

function auditFilterQuery(filters: AuditFilters): Record<string, string | undefined> {
  return {
    userId: filters.userId,
    actorId: filters.actorId,
    userEmail: filters.userEmail,
    actorEmail: filters.actorEmail,
    action: filters.action,
    from: filters.from,
    to: filters.to,
  };
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: adminKeys.audit(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      send<AuditLogResponse>(
        endpoint(routes.adminAudit.queryAuditLog, {
          query: {
            ...auditFilterQuery(filters),
            cursor: pageParam,
            limit: AUDIT_PAGE_SIZE,
          },
        }),
        { signal },
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The CSV download link for the same filters as the table (a plain GET the browser downloads). */
export function auditExportUrl(filters: AuditFilters): string {
  return endpoint(routes.adminAudit.exportAuditLog, { query: auditFilterQuery(filters) }).url;
}

export function useGlobalSettings() {
  return useQuery({
    queryKey: adminKeys.settings(),
    queryFn: ({ signal }) => send<GlobalSettingsView>(endpoint(routes.adminSettings.getGlobalSettings), { signal }),
  });
}

export function usePasswordPolicy() {
  return useQuery({
    queryKey: adminKeys.passwordPolicy(),
    queryFn: ({ signal }) => send<PasswordPolicyView>(endpoint(routes.adminSettings.getPasswordPolicy), { signal }),
  });
}

export function useServiceTokens() {
  return useQuery({
    queryKey: adminKeys.serviceTokens(),
    queryFn: ({ signal }) =>
      send<ListServiceTokensResponse>(endpoint(routes.adminServiceToken.listServiceTokens), { signal }),
  });
}

/** Outgoing mail as staff see it: waiting and failed counts, mails that gave up, the newest ones. */
export function useMailOutbox() {
  return useQuery({
    queryKey: adminKeys.mailOutbox(),
    queryFn: ({ signal }) => send<MailOutboxView>(endpoint(routes.adminMailOutbox.getMailOutbox), { signal }),
  });
}
