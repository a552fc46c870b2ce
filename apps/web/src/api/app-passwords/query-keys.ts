export const appPasswordsKeys = {
  all: ['app-passwords'] as const,
  list: () => [...appPasswordsKeys.all, 'list'] as const,
};
