// Every key of this resource starts with 'recovery'.
export const recoveryKeys = {
  all: ['recovery'] as const,
  address: () => [...recoveryKeys.all, 'address'] as const,
};
