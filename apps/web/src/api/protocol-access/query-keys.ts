export const protocolAccessKeys = {
  all: ['protocol-access'] as const,
  list: () => [...protocolAccessKeys.all, 'list'] as const,
};
