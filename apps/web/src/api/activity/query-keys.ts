export const activityKeys = {
  all: ['activity'] as const,
  logins: (limit: number) => [...activityKeys.all, 'logins', limit] as const,
  events: (limit: number) => [...activityKeys.all, 'events', limit] as const,
};
