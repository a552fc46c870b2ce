export const passkeysKeys = {
  all: ['passkeys'] as const,
  list: () => [...passkeysKeys.all, 'list'] as const,
};
