import { describe, expect, it } from 'vitest';
import * as contracts from './index.js';
import { routes } from './routes.js';

describe('routes', () => {
  it('are each the route of the operation of the same group and name, and every operation has one', () => {
    const operationGroups = Object.entries(contracts).filter(([name]) => name.endsWith('Operations'));
    const operations = operationGroups.flatMap(([name, group]) =>
      Object.entries(group as Record<string, contracts.OperationContract>).map(([key, operation]) => ({
        key: `${name.replace(/Operations$/, '')}.${key}`,
        route: { method: operation.method, path: operation.path },
      })),
    );
    const table = Object.entries(routes).flatMap(([group, entries]) =>
      Object.entries(entries).map(([key, route]) => ({ key: `${group}.${key}`, route })),
    );
    expect(operations).toHaveLength(table.length);
    expect(Object.fromEntries(operations.map(({ key, route }) => [key, route]))).toEqual(
      Object.fromEntries(table.map(({ key, route }) => [key, { method: route.method, path: route.path }])),
    );
  });

  it('name one method and path once', () => {
    const all = Object.values(routes).flatMap((group) => Object.values(group).map((r) => `${r.method} ${r.path}`));
    expect(new Set(all).size).toBe(all.length);
  });
});
