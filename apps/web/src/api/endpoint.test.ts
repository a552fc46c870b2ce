import { routes } from '@mailgate/contracts/routes';
import { describe, expect, it } from 'vitest';
import { endpoint } from './endpoint';

describe('endpoint', () => {
  it("takes the method and path from the contracts' routes table", () => {
    expect(endpoint(routes.appPasswords.revoke, { params: { id: 'abc' } })).toEqual({
      method: 'delete',
      url: '/api/account/app-passwords/abc',
    });
  });

  it('encodes path parameters, so a value cannot add a segment or a query', () => {
    expect(endpoint(routes.appPasswords.revoke, { params: { id: 'a/b?c' } }).url).toBe(
      '/api/account/app-passwords/a%2Fb%3Fc',
    );
  });

  it('fills every placeholder of a path', () => {
    const target = endpoint(routes.adminAction.revokeUserSession, { params: { userId: 'u1', itemId: 's1' } });
    expect(target.url).toBe('/api/admin/users/u1/sessions/s1/revoke');
  });

  it('adds only the query values that are set', () => {
    const target = endpoint(routes.adminUser.searchUsers, { query: { q: 'ann', role: '', cursor: null, limit: 20 } });
    expect(target.url).toBe('/api/admin/users?q=ann&limit=20');
    expect(endpoint(routes.adminUser.searchUsers, { query: { q: undefined } }).url).toBe('/api/admin/users');
  });

  it('refuses at compile time a route that does not exist or a missing path parameter', () => {
    // Each line below must fail to type-check (tsc reports an unused @ts-expect-error otherwise).
    // @ts-expect-error a typo in the route name
    expect(() => endpoint(routes.appPasswords.revok)).toThrow();
    // @ts-expect-error the route has an {id} placeholder
    expect(() => endpoint(routes.appPasswords.revoke)).toThrow('missing path parameter id');
    // @ts-expect-error {userId} and {itemId} are both needed
    expect(() => endpoint(routes.adminAction.revokeUserSession, { params: { userId: 'u1' } })).toThrow(
      'missing path parameter itemId',
    );
  });
});
