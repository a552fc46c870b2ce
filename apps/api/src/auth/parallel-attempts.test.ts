import { randomInt } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signedInUser } from '../../test/support/admin-kit.js';
import {
  createUser,
  freshTotpCode,
  randomEmail,
  signedInAs,
  wrongTotpCode,
  type BuiltUser,
} from '../../test/support/builders.js';
import { COUNTER_STORAGES } from '../../test/support/mail-auth-client.js';
import { staffSentResetToken } from '../../test/support/recovery-kit.js';
import { createTestApp } from '../../test/support/test-app.js';
import { waitUntil } from '../../test/support/wait-until.js';
import { PasswordResetService } from '../admin/password-reset/password-reset.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { RedisService } from '../infrastructure/redis/redis.service.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from './csrf.js';
import { PasswordHasher } from './password-hasher.js';
import { PLAIN_PENDING_COOKIE } from './pending-sign-in.js';
import { RecoveryCodes } from './recovery-codes.js';
import { TotpCodes } from './totp-codes.js';

/*
 * Attackers send guesses in parallel. Each test fires a burst at once and counts how many reached
 * the expensive check (the real argon2 verify, TOTP or recovery-code lookup, reset redemption):
 * never more than the limit, the rest answered 429 (or, for one pending sign-in, "sign in again").
 */

const WINDOW_MS = 15 * 60_000;
const csrf = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/**
 * Limits count in clock-aligned 15-minute windows: a burst that happens to straddle a window's end
 * may legitimately use the allowance of both.
 */
async function burst(
  size: number,
  send: (index: number) => Promise<LightMyRequestResponse>,
): Promise<{ responses: LightMyRequestResponse[]; windows: number; before: number; after: number }> {
  const before = Date.now();
  const responses = await Promise.all(Array.from({ length: size }, (_, index) => send(index)));
  const after = Date.now();
  return { responses, windows: Math.floor(after / WINDOW_MS) - Math.floor(before / WINDOW_MS) + 1, before, after };
}

function codes(responses: readonly LightMyRequestResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const response of responses) {
    const code = response.statusCode === 200 ? 'OK' : String(response.json<{ code: string }>().code);
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

function secondsLeftInWindow(at: number): number {
  return Math.ceil(((Math.floor(at / WINDOW_MS) + 1) * WINDOW_MS - at) / 1000);
}

describe.each(COUNTER_STORAGES)('parallel wrong attempts with $storage', ({ env }) => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;

  beforeAll(async () => {
    app = await createTestApp(env);
    prisma = app.get(PrismaService);
    if (env.REDIS_URL) await waitUntil(() => app.get(RedisService).isAvailable());
  });
  afterAll(() => app.close());
  afterEach(() => vi.restoreAllMocks());

  /** Counts calls and still runs the real check. */
  function countCalls<T extends object>(target: T, method: keyof T & string) {
    return vi.spyOn(target as Record<string, (...args: unknown[]) => unknown>, method);
  }

  const signIn = (email: string, password: string, ip: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: csrf,
      payload: { email, password },
      remoteAddress: ip,
    });

  it('lets at most 10 of 40 wrong passwords for one account from one IP reach argon2', async () => {
    const user = await createUser(prisma);
    const ip = randomIp();
    const verify = countCalls(app.get(PasswordHasher), 'verify');
    const { responses, windows, before, after } = await burst(40, (i) => signIn(user.email, `wrong-${i}-password`, ip));
    expect(verify.mock.calls.length).toBeLessThanOrEqual(10 * windows);
    const outcome = codes(responses);
    expect(outcome.INVALID_CREDENTIALS).toBe(verify.mock.calls.length);
    expect(outcome.RATE_LIMITED).toBe(40 - verify.mock.calls.length);
    const limited = responses.find((response) => response.statusCode === 429)!;
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(secondsLeftInWindow(after));
    expect(retryAfter).toBeLessThanOrEqual(secondsLeftInWindow(before));
    // The right password is refused too until the window ends: the guesser used the allowance.
    const right = await signIn(user.email, user.password, ip);
    if (Math.floor(Date.now() / WINDOW_MS) === Math.floor(before / WINDOW_MS)) expect(right.statusCode).toBe(429);
  });

  it('lets at most 50 of 150 wrong sign-ins for many accounts from one IP reach argon2', async () => {
    const ip = randomIp();
    const verify = countCalls(app.get(PasswordHasher), 'verify');
    const { responses, windows } = await burst(150, (i) => signIn(randomEmail(`spray-${i}`), 'wrong-password-1', ip));
    expect(verify.mock.calls.length).toBeLessThanOrEqual(50 * windows);
    expect(codes(responses).RATE_LIMITED).toBe(150 - verify.mock.calls.length);
  });

  it('lets at most 10 of 40 wrong step-up passwords reach argon2', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user, { steppedUp: false });
    const ip = randomIp();
    const verify = countCalls(app.get(PasswordHasher), 'verify');
    const { responses, windows } = await burst(40, (i) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/step-up',
        headers: session.headers,
        cookies: session.cookies,
        payload: { password: `wrong-${i}-password` },
        remoteAddress: ip,
      }),
    );
    expect(verify.mock.calls.length).toBeLessThanOrEqual(10 * windows);
    const outcome = codes(responses);
    expect(outcome.STEP_UP_FAILED).toBe(verify.mock.calls.length);
    expect(outcome.RATE_LIMITED).toBe(40 - verify.mock.calls.length);
  });

  it('lets at most 10 of 40 wrong current passwords of a password change reach argon2', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const verify = countCalls(app.get(PasswordHasher), 'verify');
    const ip = randomIp();
    const { responses, windows } = await burst(40, (i) =>
      app.inject({
        method: 'POST',
        url: '/api/account/password',
        headers: session.headers,
        cookies: session.cookies,
        payload: {
          currentPassword: `wrong-${i}-password`,
          newPassword: 'granite orchard velvet compass 1987',
          signOutOtherSessions: false,
          revokeAppPasswords: false,
        },
        remoteAddress: ip,
      }),
    );
    expect(verify.mock.calls.length).toBeLessThanOrEqual(10 * windows);
    expect(codes(responses).RATE_LIMITED).toBe(40 - verify.mock.calls.length);
  });

  describe('second factor', () => {
    async function pendingSignIn(user: BuiltUser): Promise<string> {
      const response = await signIn(user.email, user.password, randomIp());
      expect(response.json()).toMatchObject({ status: 'totp-required' });
      return response.cookies.find((cookie) => cookie.name === PLAIN_PENDING_COOKIE)!.value;
    }

    const postFactor = (pending: string, payload: Record<string, string>, ip: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/totp',
        headers: csrf,
        cookies: { [PLAIN_PENDING_COOKIE]: pending },
        payload,
        remoteAddress: ip,
      });

    it('checks at most 5 of 40 parallel wrong codes on one pending sign-in', async () => {
      const user = await createUser(prisma, { totp: true, keyring: app.get(SecretKeyring) });
      const pending = await pendingSignIn(user);
      const wrong = await wrongTotpCode(user.totpSecret!);
      const checked = countCalls(app.get(TotpCodes), 'consume');
      // From many addresses, so that the IP budget is not what stops them.
      const { responses } = await burst(40, () => postFactor(pending, { code: wrong }, randomIp()));
      expect(checked.mock.calls.length).toBeLessThanOrEqual(5);
      const outcome = codes(responses);
      expect(outcome.TOTP_CODE_INVALID).toBe(checked.mock.calls.length);
      // The rest ran into the pending sign-in's budget or the account's (whichever they counted first).
      expect((outcome.SIGN_IN_PENDING_EXPIRED ?? 0) + (outcome.RATE_LIMITED ?? 0)).toBe(40 - checked.mock.calls.length);
      // Spent: even the right code now needs a new password step.
      const right = await postFactor(pending, { code: await freshTotpCode(app, user) }, randomIp());
      expect(right.json().code).toBe('SIGN_IN_PENDING_EXPIRED');
    });

    it('shares one budget of 10 between TOTP and recovery codes across pending sign-ins', async () => {
      const user = await createUser(prisma, { totp: true, keyring: app.get(SecretKeyring) });
      const pendings = [
        await pendingSignIn(user),
        await pendingSignIn(user),
        await pendingSignIn(user),
        await pendingSignIn(user),
      ];
      const wrong = await wrongTotpCode(user.totpSecret!);
      const totp = countCalls(app.get(TotpCodes), 'consume');
      const recovery = countCalls(app.get(RecoveryCodes), 'consume');
      const ip = randomIp();
      const { responses, windows } = await burst(40, (i) =>
        postFactor(
          pendings[i % pendings.length]!,
          i % 2 === 0 ? { code: wrong } : { recoveryCode: `WXYZ-WXYZ-${String(1000 + i)}` },
          ip,
        ),
      );
      const checked = totp.mock.calls.length + recovery.mock.calls.length;
      expect(checked).toBeLessThanOrEqual(10 * windows);
      expect(recovery.mock.calls.length).toBeGreaterThan(0);
      const outcome = codes(responses);
      expect((outcome.TOTP_CODE_INVALID ?? 0) + (outcome.RECOVERY_CODE_INVALID ?? 0)).toBe(checked);
      expect(outcome.OK).toBeUndefined();
    });
  });

  describe('password-reset redemption', () => {
    const redeem = (token: string, ip: string) =>
      app.inject({
        method: 'POST',
        url: '/api/password-reset',
        headers: { 'x-requested-with': 'mailgate' },
        payload: { token, newPassword: 'granite orchard velvet compass 1987' },
        remoteAddress: ip,
      });

    it('lets at most 10 of 40 parallel guesses from one IP be looked up, with the exact Retry-After', async () => {
      const redeemed = countCalls(app.get(PasswordResetService), 'redeem');
      const ip = randomIp();
      const { responses, windows, before, after } = await burst(40, (i) => redeem(`guessed-token-${i}`, ip));
      expect(redeemed.mock.calls.length).toBeLessThanOrEqual(10 * windows);
      const outcome = codes(responses);
      expect(outcome.RESET_LINK_INVALID).toBe(redeemed.mock.calls.length);
      expect(outcome.RATE_LIMITED).toBe(40 - redeemed.mock.calls.length);
      const retryAfter = Number(responses.find((response) => response.statusCode === 429)!.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(secondsLeftInWindow(after));
      expect(retryAfter).toBeLessThanOrEqual(secondsLeftInWindow(before));
    });

    it('does not count a redeemed link against the IP', async () => {
      const support = await signedInUser(app, 'SUPPORT');
      const customer = await createUser(prisma);
      const token = await staffSentResetToken(app, support, customer.id);
      const ip = randomIp();
      const windowAtStart = Math.floor(Date.now() / WINDOW_MS);
      expect((await redeem(token, ip)).statusCode).toBe(204);
      const statuses: number[] = [];
      for (let i = 0; i < 11; i += 1) statuses.push((await redeem(`guessed-token-${i}`, ip)).statusCode);
      expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 400));
      // Only in a new window (the count started over meanwhile) would the eleventh guess be looked up.
      const sameWindow = Math.floor(Date.now() / WINDOW_MS) === windowAtStart;
      expect(statuses[10]).toBe(sameWindow ? 429 : 400);
    });
  });
});
