export const passwordKeys = {
  all: ['password'] as const,
  policy: () => [...passwordKeys.all, 'policy'] as const,
  resetRules: (token: string) => [...passwordKeys.all, 'reset-rules', token] as const,
};
