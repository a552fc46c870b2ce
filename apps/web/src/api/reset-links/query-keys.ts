// Every key of this resource starts with 'reset-links'.
export const resetLinksKeys = {
  all: ['reset-links'] as const,
  pending: () => [...resetLinksKeys.all, 'pending'] as const,
};
