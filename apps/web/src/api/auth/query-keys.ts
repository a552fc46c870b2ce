// Every key of this resource starts with 'auth'.
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  sessions: () => [...authKeys.all, 'sessions'] as const,
  /** Not fetched: set locally to why the last session ended (see session-ended.ts). */
  sessionEnd: () => [...authKeys.all, 'session-end'] as const,
};
