export const mailSetupKeys = {
  all: ['mail-setup'] as const,
  firstLogin: (appPasswordId: string) => [...mailSetupKeys.all, 'first-login', appPasswordId] as const,
};
