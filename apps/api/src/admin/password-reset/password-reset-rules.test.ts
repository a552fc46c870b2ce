import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { evaluatePasswordAsync } from '@mailgate/password-policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/test-app.js';
import { signedInUser, type Caller } from '../../../test/support/admin-kit.js';
import { createCustomer } from '../../../test/support/admin-fixtures.js';
import { staffSentResetToken } from '../../../test/support/recovery-kit.js';
import { PrismaService } from '../../infrastructure/database/prisma.service.js';
import { PasswordPolicyService } from '../../password-policy/password-policy.service.js';

let app: NestFastifyApplication;
let prisma: PrismaService;
let support: Caller;

beforeAll(async () => {
  app = await createTestApp();
  prisma = app.get(PrismaService);
  support = await signedInUser(app, 'SUPPORT');
});
afterAll(() => app.close());

const CSRF = { 'x-requested-with': 'mailgate' };

function readRules(token: string, options: { headers?: Record<string, string>; remoteAddress?: string } = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/password-reset/password-rules',
    headers: options.headers ?? CSRF,
    remoteAddress: options.remoteAddress ?? '127.0.0.1',
    payload: { token },
  });
}

function redeem(token: string, newPassword: string) {
  return app.inject({ method: 'POST', url: '/api/password-reset', headers: CSRF, payload: { token, newPassword } });
}

describe('the password rules of a reset link (public)', () => {
  it('answer a live link with the policy and the account words only, without using the link', async () => {
    const customer = await createCustomer(app, { displayName: 'Ramona Quist' });
    const token = await staffSentResetToken(app, support, customer.user.id);
    const policy = await app.get(PasswordPolicyService).current();

    const response = await readRules(token);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      minLength: policy.minLength,
      maxLength: policy.maxLength,
      minScore: policy.minScore,
      blocklistEnabled: policy.blocklistEnabled,
      contextWords: [...policy.contextWords],
      account: { email: customer.user.email, displayName: 'Ramona Quist' },
    });
    const link = await prisma.passwordResetToken.findFirstOrThrow({ where: { userId: customer.user.id } });
    expect(link.usedAt).toBeNull();
    expect((await redeem(token, 'granite orchard velvet compass 1987')).statusCode).toBe(204);
  });

  it('let the meter reach the verdict the redemption gives, also for the account’s own words', async () => {
    const customer = await createCustomer(app, { displayName: 'Ramona Quist' });
    const token = await staffSentResetToken(app, support, customer.user.id);
    const { account, ...rules } = (await readRules(token)).json<{
      account: { email: string; displayName: string };
      minLength: number;
      maxLength: number;
      minScore: number;
      blocklistEnabled: boolean;
      contextWords: string[];
    }>();
    // A refusal leaves the link usable, so every refused candidate can be tried on the real thing.
    for (const candidate of ['ramona-quist-velvet-harbour-88', 'Quist1', 'a'.repeat(20)]) {
      const meter = await evaluatePasswordAsync(candidate, rules, account);
      const refusal = await redeem(token, candidate);
      expect(meter.problems.length, candidate).toBeGreaterThan(0);
      expect(refusal.json<{ problems: string[] }>().problems, candidate).toEqual(meter.problems);
    }
    const accepted = 'granite orchard velvet compass 1987';
    expect((await evaluatePasswordAsync(accepted, rules, account)).ok).toBe(true);
    expect((await redeem(token, accepted)).statusCode).toBe(204);
  });

  it('answer RESET_LINK_INVALID for an unknown or used link, and need the CSRF header', async () => {
    expect((await readRules('not-a-token')).json()).toMatchObject({ code: 'RESET_LINK_INVALID' });
    const customer = await createCustomer(app);
    const token = await staffSentResetToken(app, support, customer.user.id);
    expect((await redeem(token, 'granite orchard velvet compass 1987')).statusCode).toBe(204);
    expect((await readRules(token)).json()).toMatchObject({ code: 'RESET_LINK_INVALID' });
    expect((await readRules(token, { headers: {} })).json()).toMatchObject({ status: 403, code: 'CSRF_CHECK_FAILED' });
  });

  it('share the redemption’s failure budget per client IP', async () => {
    const ip = '192.0.2.91';
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      statuses.push((await readRules(`guess-${attempt}`, { remoteAddress: ip })).statusCode);
    }
    expect(statuses.every((status) => status === 400)).toBe(true);
    const redeemAfter = await app.inject({
      method: 'POST',
      url: '/api/password-reset',
      headers: CSRF,
      remoteAddress: ip,
      payload: { token: 'guess-again', newPassword: 'granite orchard velvet compass 1987' },
    });
    expect(redeemAfter.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });
});
