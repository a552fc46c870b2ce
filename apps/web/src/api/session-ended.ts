import type { QueryClient } from '@tanstack/react-query';
import { authKeys } from './auth/query-keys';
import { isApiError } from './http';

/** Codes that mean "no valid session any more": the portal sends the user to sign in. */
const SESSION_ENDED_CODES: ReadonlySet<string> = new Set(['SESSION_EXPIRED', 'UNAUTHENTICATED']);

export function isSessionEnded(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && SESSION_ENDED_CODES.has(error.code);
}

export type SessionEndReason = 'expired' | 'signed-out';

/**
 * Forgets everything of the ended session and records why it ended, so the sign-in page can say
 * "you have been signed out" or "your session has ended". "me" becomes null, which makes the
 * portal layout redirect.
 */
export function markSessionEnded(queryClient: QueryClient, reason: SessionEndReason): void {
  const meKey = JSON.stringify(authKeys.me());
  queryClient.removeQueries({ predicate: (query) => JSON.stringify(query.queryKey) !== meKey });
  queryClient.setQueryData(authKeys.sessionEnd(), reason);
  queryClient.setQueryData(authKeys.me(), null);
}

export function sessionEndReason(queryClient: QueryClient): SessionEndReason | undefined {
  return queryClient.getQueryData<SessionEndReason>(authKeys.sessionEnd());
}
