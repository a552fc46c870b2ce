// Every key of this resource starts with 'health', so invalidating `healthKeys.all` never touches
// another resource's cache.
export const healthKeys = {
  all: ['health'] as const,
  status: () => [...healthKeys.all, 'status'] as const,
};
