export const totpKeys = {
  all: ['totp'] as const,
  status: () => [...totpKeys.all, 'status'] as const,
};
