import { authOperations, totpOperations } from '@mailgate/contracts';
import { describe, expect, it } from 'vitest';
import { expectContract, undeclaredFields } from './contract-client.js';

// The helper every API test reads responses through: it must fail when a response drifts.
describe('expectContract', () => {
  it('returns the body the contract types when status and body match it', () => {
    const body = expectContract(authOperations.signOutOthers, { statusCode: 200, body: '{"signedOut":2}' });
    expect(body).toEqual({ signedOut: 2 });
  });

  it('fails on a body the response schema does not allow', () => {
    expect(() =>
      expectContract(authOperations.signOutOthers, { statusCode: 200, body: '{"signedOut":"two"}' }),
    ).toThrow(/body its contract does not allow/);
  });

  it('fails on another status than the documented one', () => {
    expect(() => expectContract(authOperations.signOutOthers, { statusCode: 201, body: '{"signedOut":2}' })).toThrow();
  });

  it('expects no body for a status documented without one', () => {
    expect(expectContract(totpOperations.disable, { statusCode: 204, body: '' })).toBeUndefined();
    expect(() => expectContract(totpOperations.disable, { statusCode: 204, body: '{}' })).toThrow();
  });

  it('fails on a field the contract does not describe (zod alone would drop it)', () => {
    expect(() =>
      expectContract(authOperations.signOutOthers, { statusCode: 200, body: '{"signedOut":2,"secret":"x"}' }),
    ).toThrow(/fields its contract does not describe/);
  });
});

describe('undeclaredFields', () => {
  it('names the lost fields by path, inside arrays and nested objects too', () => {
    const raw = { items: [{ id: 1, hash: 'x' }], meta: { next: null, debug: true }, free: { any: 1 } };
    const parsed = { items: [{ id: 1 }], meta: { next: null }, free: { any: 1 } };
    expect(undeclaredFields(raw, parsed)).toEqual(['$.items[0].hash', '$.meta.debug']);
  });
});
