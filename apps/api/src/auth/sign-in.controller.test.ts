import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { createUser, freshTotpCode, signIn, wrongTotpCode } from '../../test/support/builders.js';
import type { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from './csrf.js';
import { needsRehash } from './password-hasher.js';
import { PLAIN_PENDING_COOKIE } from './pending-sign-in.js';
import { PLAIN_COOKIE_NAME } from './session-cookie.js';

const csrf = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
let ipCounter = 0;
/** Each test its own client IP, so the per-IP limits of one test never reach another. */
function nextIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter}`;
}

describe('sign-in', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let keyring: SecretKeyring;
  withTestApp((started) => ({ app, prisma, keyring } = started));

  function postSignIn(payload: unknown, options: { ip?: string; cookies?: Record<string, string> } = {}) {
    return app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: csrf,
      payload: payload as Record<string, unknown>,
      remoteAddress: options.ip ?? nextIp(),
      ...(options.cookies ? { cookies: options.cookies } : {}),
    });
  }

  function postSecondFactor(pendingCookie: string | undefined, payload: unknown, ip = nextIp()) {
    return app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/totp',
      headers: csrf,
      cookies: pendingCookie ? { [PLAIN_PENDING_COOKIE]: pendingCookie } : {},
      payload: payload as Record<string, unknown>,
      remoteAddress: ip,
    });
  }

  function cookie(response: { cookies: { name: string; value: string }[] }, name: string): string | undefined {
    return response.cookies.find((c) => c.name === name)?.value;
  }

  it('signs in with the right password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const user = await createUser(prisma, { displayName: 'Erika Mustermann' });
    const response = await postSignIn({ email: user.email.toUpperCase(), password: user.password });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'signed-in',
      session: { id: user.id, email: user.email, displayName: 'Erika Mustermann', totpEnabled: false, role: 'USER' },
    });
    expect(response.json().session.stepUpValidUntil).not.toBeNull();
    const setCookie = response.cookies.find((c) => c.name === PLAIN_COOKIE_NAME)!;
    expect(setCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { [PLAIN_COOKIE_NAME]: setCookie.value },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, staffTotpRequired: false });
    expect(me.body).not.toContain('passwordHash');
  });

  it('gives the same answer for a wrong password and an unknown e-mail address', async () => {
    const user = await createUser(prisma);
    const wrong = await postSignIn({ email: user.email, password: 'not-the-password-at-all' });
    const unknown = await postSignIn({ email: `nobody-${user.id}@example.test`, password: 'not-the-password-at-all' });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
      expect(response.cookies).toEqual([]);
    }
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
  });

  it('refuses a disabled account, but only tells someone who knows the password', async () => {
    const user = await createUser(prisma, { disabled: true });
    expect((await postSignIn({ email: user.email, password: 'wrong-password-123' })).json().code).toBe(
      'INVALID_CREDENTIALS',
    );
    const response = await postSignIn({ email: user.email, password: user.password });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('ACCOUNT_DISABLED');
    expect(cookie(response, PLAIN_COOKIE_NAME)).toBeUndefined();
  });

  it('issues a fresh session id on every sign-in and ends the one the browser had', async () => {
    const user = await createUser(prisma);
    const first = await postSignIn({ email: user.email, password: user.password });
    const firstToken = cookie(first, PLAIN_COOKIE_NAME)!;
    const second = await postSignIn(
      { email: user.email, password: user.password },
      { cookies: { [PLAIN_COOKIE_NAME]: firstToken } },
    );
    const secondToken = cookie(second, PLAIN_COOKIE_NAME)!;
    expect(secondToken).not.toBe(firstToken);
    const old = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [PLAIN_COOKIE_NAME]: firstToken } });
    expect(old.statusCode).toBe(401);
    const fresh = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { [PLAIN_COOKIE_NAME]: secondToken },
    });
    expect(fresh.statusCode).toBe(200);
    const sessions = await prisma.session.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } });
    expect(sessions).toHaveLength(2);
    expect(sessions[0]!.revokedAt).not.toBeNull();
    expect(sessions[1]!.revokedAt).toBeNull();
    // Only the HMAC of the token is stored.
    expect(sessions.map((s) => s.tokenHash)).not.toContain(secondToken);
  });

  it('refuses sign-in without the CSRF header or from another origin (login CSRF)', async () => {
    const user = await createUser(prisma);
    const payload = { email: user.email, password: user.password };
    const missing = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload });
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { ...csrf, origin: 'https://evil.example' },
      payload,
    });
    for (const response of [missing, foreign]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('CSRF_CHECK_FAILED');
      expect(response.cookies).toEqual([]);
    }
  });

  it('refuses unknown fields, NUL bytes and oversized values with VALIDATION_FAILED', async () => {
    const user = await createUser(prisma);
    for (const payload of [
      { email: user.email, password: user.password, remember: true },
      { email: user.email, password: 'abc\u0000def' },
      { email: user.email, password: 'x'.repeat(2000) },
      { email: 'not-an-address', password: 'whatever-password' },
    ]) {
      const response = await postSignIn(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.body).not.toContain('abc');
    }
  });

  it('rate limits failed sign-ins per account and IP with 429 and Retry-After', async () => {
    const user = await createUser(prisma);
    const ip = nextIp();
    for (let i = 0; i < 10; i += 1) {
      expect((await postSignIn({ email: user.email, password: `wrong-${i}-password` }, { ip })).statusCode).toBe(401);
    }
    const limited = await postSignIn({ email: user.email, password: user.password }, { ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another IP is not held back by this one's failures.
    expect((await postSignIn({ email: user.email, password: user.password })).statusCode).toBe(200);
  });

  it('re-hashes the password at sign-in when the argon2 parameters changed', async () => {
    const user = await createUser(prisma);
    const weakHash = await argon2.hash(user.password, {
      type: argon2.argon2id,
      memoryCost: 8192,
      timeCost: 1,
      parallelism: 1,
    });
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: weakHash } });
    expect(needsRehash(weakHash)).toBe(true);
    expect((await postSignIn({ email: user.email, password: user.password })).statusCode).toBe(200);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).not.toBe(weakHash);
    expect(needsRehash(stored.passwordHash)).toBe(false);
    expect((await postSignIn({ email: user.email, password: user.password })).statusCode).toBe(200);
  });

  describe('with 2FA', () => {
    it('asks for a code after the password, then signs in with it', async () => {
      const user = await createUser(prisma, { totp: true, keyring });
      const first = await postSignIn({ email: user.email, password: user.password });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ status: 'totp-required' });
      expect(cookie(first, PLAIN_COOKIE_NAME)).toBeUndefined();
      const pending = cookie(first, PLAIN_PENDING_COOKIE);
      expect(pending).toBeDefined();
      // The pending cookie is no session.
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [PLAIN_COOKIE_NAME]: pending! } });
      expect(me.statusCode).toBe(401);

      const second = await postSecondFactor(pending, { code: await freshTotpCode(app, user) });
      expect(second.statusCode).toBe(200);
      expect(second.json()).toMatchObject({ status: 'signed-in', session: { id: user.id, totpEnabled: true } });
      expect(cookie(second, PLAIN_COOKIE_NAME)).toBeDefined();
      expect(second.cookies.find((c) => c.name === PLAIN_PENDING_COOKIE)?.value).toBe('');
    });

    it('refuses a code that was already used (replay), and a spent pending sign-in', async () => {
      const user = await createUser(prisma, { totp: true, keyring });
      const code = await freshTotpCode(app, user);
      const pendingA = cookie(await postSignIn({ email: user.email, password: user.password }), PLAIN_PENDING_COOKIE);
      expect((await postSecondFactor(pendingA, { code })).statusCode).toBe(200);

      const pendingB = cookie(await postSignIn({ email: user.email, password: user.password }), PLAIN_PENDING_COOKIE);
      const replay = await postSecondFactor(pendingB, { code });
      expect(replay.statusCode).toBe(401);
      expect(replay.json().code).toBe('TOTP_CODE_INVALID');

      // The first pending cookie was spent by its success.
      const again = await postSecondFactor(pendingA, { code: await freshTotpCode(app, user) });
      expect(again.statusCode).toBe(401);
      expect(again.json().code).toBe('SIGN_IN_PENDING_EXPIRED');
    });

    it('accepts a recovery code once only', async () => {
      const user = await createUser(prisma, { totp: true, keyring });
      const [code] = await enrollRecoveryCodes(user.id);
      const pending = cookie(await postSignIn({ email: user.email, password: user.password }), PLAIN_PENDING_COOKIE);
      const used = await postSecondFactor(pending, { recoveryCode: code!.toLowerCase().replaceAll('-', ' ') });
      expect(used.statusCode).toBe(200);
      expect(used.json().recoveryCodesRemaining).toBe(9);

      const pendingAgain = cookie(
        await postSignIn({ email: user.email, password: user.password }),
        PLAIN_PENDING_COOKIE,
      );
      const reused = await postSecondFactor(pendingAgain, { recoveryCode: code });
      expect(reused.statusCode).toBe(401);
      expect(reused.json().code).toBe('RECOVERY_CODE_INVALID');
      expect(await prisma.securityNotice.count({ where: { userId: user.id, kind: 'RECOVERY_CODE_USED' } })).toBe(1);
      expect(
        await prisma.auditEvent.count({ where: { targetUserId: user.id, action: 'totp.recovery_code_used' } }),
      ).toBe(1);
    });

    it('refuses codes without a pending sign-in, with a forged one, or after a security change', async () => {
      const user = await createUser(prisma, { totp: true, keyring });
      expect((await postSecondFactor(undefined, { code: '123456' })).json().code).toBe('SIGN_IN_PENDING_EXPIRED');
      const pending = cookie(await postSignIn({ email: user.email, password: user.password }), PLAIN_PENDING_COOKIE)!;
      const forged = pending.replace(/^[^.]+/, (await createUser(prisma, { totp: true, keyring })).id);
      expect((await postSecondFactor(forged, { code: '123456' })).json().code).toBe('SIGN_IN_PENDING_EXPIRED');

      await prisma.user.update({ where: { id: user.id }, data: { securityVersion: { increment: 1 } } });
      const stale = await postSecondFactor(pending, { code: await freshTotpCode(app, user) });
      expect(stale.statusCode).toBe(401);
      expect(stale.json().code).toBe('SIGN_IN_PENDING_EXPIRED');
    });

    it('allows a few wrong codes per pending sign-in, and rate limits the second factor', async () => {
      const user = await createUser(prisma, { totp: true, keyring });
      const ip = nextIp();
      const pending = cookie(await postSignIn({ email: user.email, password: user.password }), PLAIN_PENDING_COOKIE);
      const wrong = await wrongTotpCode(user.totpSecret!);
      for (let i = 0; i < 5; i += 1) {
        expect((await postSecondFactor(pending, { code: wrong }, ip)).json().code).toBe('TOTP_CODE_INVALID');
      }
      expect((await postSecondFactor(pending, { code: await freshTotpCode(app, user) }, ip)).json().code).toBe(
        'SIGN_IN_PENDING_EXPIRED',
      );
      // Five more wrong codes on a new pending sign-in use up the account's budget of ten.
      const next = cookie(await postSignIn({ email: user.email, password: user.password }), PLAIN_PENDING_COOKIE);
      for (let i = 0; i < 5; i += 1) await postSecondFactor(next, { code: wrong }, ip);
      const limited = await postSecondFactor(next, { code: await freshTotpCode(app, user) }, nextIp());
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const user = await createUser(prisma);
    const session = await signIn(app, user, { remoteAddress: nextIp() });
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: csrf,
      cookies: session.cookies,
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === PLAIN_COOKIE_NAME)?.value).toBe('');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', cookies: session.cookies })).statusCode).toBe(401);
    const withoutCsrf = await app.inject({ method: 'POST', url: '/api/auth/sign-out', cookies: session.cookies });
    expect(withoutCsrf.statusCode).toBe(403);
  });

  it('documents every auth, TOTP and password operation in the OpenAPI document', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.paths['/api/auth/sign-in'].post.responses['401'].description).toContain('INVALID_CREDENTIALS');
    expect(document.paths['/api/auth/sign-in'].post.responses['429'].description).toContain('RATE_LIMITED');
    expect(document.paths['/api/account/password'].post.responses['400'].description).toContain('PASSWORD_BLOCKLISTED');
    const expected: [string, string][] = [
      ['/api/auth/sign-in/totp', 'post'],
      ['/api/auth/sign-out', 'post'],
      ['/api/auth/me', 'get'],
      ['/api/auth/sessions', 'get'],
      ['/api/auth/sessions/sign-out-others', 'post'],
      ['/api/auth/sessions/{id}', 'delete'],
      ['/api/auth/step-up', 'post'],
      ['/api/account/totp', 'get'],
      ['/api/account/totp', 'delete'],
      ['/api/account/totp/enrollment', 'post'],
      ['/api/account/totp/enrollment/confirm', 'post'],
      ['/api/account/totp/recovery-codes', 'post'],
      ['/api/account/password-policy', 'get'],
    ];
    for (const [path, method] of expected) expect(document.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });

  /** Turns on recovery codes the way enrollment does, returning them in clear for the test. */
  async function enrollRecoveryCodes(userId: string): Promise<string[]> {
    const { RecoveryCodes } = await import('./recovery-codes.js');
    return prisma.$transaction((tx) => app.get(RecoveryCodes).replaceAll(tx, userId, new Date()));
  }
});
