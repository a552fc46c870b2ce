import type { AuditLogQuery, SearchUsersQuery } from '@mailgate/contracts';

type AuditFilters = Omit<AuditLogQuery, 'cursor' | 'limit'>;
type UserSearch = Pick<SearchUsersQuery, 'q' | 'match' | 'role'>;

// Every key starts with 'admin', so invalidating `adminKeys.all` never touches the portal's caches,
// and user-scoped keys share `adminKeys.user(id)` so one invalidation refreshes the whole detail page.
export const adminKeys = {
  all: ['admin'] as const,
  me: () => [...adminKeys.all, 'me'] as const,
  searches: () => [...adminKeys.all, 'user-search'] as const,
  search: (search: UserSearch) => [...adminKeys.searches(), search] as const,
  user: (userId: string) => [...adminKeys.all, 'user', userId] as const,
  audits: () => [...adminKeys.all, 'audit'] as const,
  audit: (filters: AuditFilters) => [...adminKeys.audits(), filters] as const,
  settings: () => [...adminKeys.all, 'settings'] as const,
  passwordPolicy: () => [...adminKeys.all, 'password-policy'] as const,
  serviceTokens: () => [...adminKeys.all, 'service-tokens'] as const,
  mailOutbox: () => [...adminKeys.all, 'mail-outbox'] as const,
};
