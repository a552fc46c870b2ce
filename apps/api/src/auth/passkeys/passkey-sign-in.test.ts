import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/test-app.js';
import { createUser, DEFAULT_TEST_PASSWORD, signedInAs, type SignedIn } from '../../../test/support/builders.js';
import {
  cookieJar,
  csrf,
  PASSKEY_APP_CONFIG,
  registerPasskey,
  signInWithPasskey,
} from '../../../test/support/passkey-kit.js';
import { PrismaService } from '../../infrastructure/database/prisma.service.js';

describe('signing in and stepping up with a passkey', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;

  beforeAll(async () => {
    app = await createTestApp(PASSKEY_APP_CONFIG);
    prisma = app.get(PrismaService);
  });
  afterAll(() => app.close());

  async function userWithPasskey(name = 'Laptop') {
    const user = await createUser(prisma);
    const { authenticator, passkey } = await registerPasskey(app, await signedInAs(app, user), name);
    return { user, authenticator, passkey };
  }
  const post = (session: SignedIn | { cookies: Record<string, string> }, url: string, payload?: unknown) =>
    app.inject({
      method: 'POST',
      url,
      cookies: session.cookies,
      headers: csrf,
      ...(payload ? { payload: payload as object } : {}),
    });

  it('signs in with the passkey alone (two factors); the stored counter and last use move; a replay is refused', async () => {
    const { user, authenticator } = await userWithPasskey();
    const first = await signInWithPasskey(app, authenticator);
    expect(first.response.statusCode).toBe(200);
    expect(first.response.json().session).toMatchObject({ id: user.id, passkeyCount: 1 });
    expect(first.response.json().session.stepUpValidUntil).not.toBeNull();
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: first.sessionCookies! });
    expect(me.json().email).toBe(user.email);
    const stored = await prisma.passkey.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.counter).toBe(1n);
    expect(stored.lastUsedAt).not.toBeNull();

    // The very same request again: its challenge is spent.
    const replay = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/passkey',
      headers: csrf,
      cookies: first.cookies,
      payload: first.payload,
    });
    expect([replay.statusCode, replay.json().code]).toEqual([400, 'PASSKEY_CHALLENGE_INVALID']);
    // The challenge answered from a browser that did not ask for it (no binding cookie).
    const options = await app.inject({ method: 'POST', url: '/api/auth/passkey/sign-in-options', headers: csrf });
    const unbound = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/passkey',
      headers: csrf,
      payload: { response: authenticator.authenticate(options.json()) },
    });
    expect(unbound.json().code).toBe('SIGN_IN_PENDING_EXPIRED');
  });

  it('refuses a foreign origin, a missing user verification and an unknown passkey', async () => {
    const { authenticator } = await userWithPasskey();
    const foreign = await signInWithPasskey(app, authenticator, { origin: 'https://mail-example.test' });
    expect([foreign.response.statusCode, foreign.response.json().code]).toEqual([401, 'PASSKEY_NOT_ACCEPTED']);
    expect(foreign.sessionCookies).toBeNull();
    const unverified = await signInWithPasskey(app, authenticator, { userVerified: false });
    expect(unverified.response.json().code).toBe('PASSKEY_NOT_ACCEPTED');
    const { authenticator: removed, passkey } = await userWithPasskey();
    await prisma.passkey.delete({ where: { id: passkey.id } });
    expect((await signInWithPasskey(app, removed)).response.json().code).toBe('PASSKEY_NOT_ACCEPTED');
  });

  it('a counter going backwards is refused as the library rules, and the owner is told', async () => {
    const { user, authenticator } = await userWithPasskey('Key');
    expect((await signInWithPasskey(app, authenticator, { counter: 5 })).response.statusCode).toBe(200);
    const cloned = await signInWithPasskey(app, authenticator, { counter: 3 });
    expect([cloned.response.statusCode, cloned.response.json().code]).toEqual([401, 'PASSKEY_NOT_ACCEPTED']);
    const same = await signInWithPasskey(app, authenticator, { counter: 5 });
    expect(same.response.json().code).toBe('PASSKEY_NOT_ACCEPTED');
    expect((await prisma.passkey.findFirstOrThrow({ where: { userId: user.id } })).counter).toBe(5n);
    const regressions = await prisma.auditEvent.count({
      where: { targetUserId: user.id, action: 'passkey.counter_regressed' },
    });
    expect(regressions).toBe(2);
    expect(await prisma.securityNotice.count({ where: { userId: user.id, kind: 'PASSKEY_COUNTER_REGRESSED' } })).toBe(
      2,
    );
    expect((await signInWithPasskey(app, authenticator, { counter: 6 })).response.statusCode).toBe(200);
  });

  it("finishes a password sign-in with a passkey instead of TOTP; only that account's passkeys count", async () => {
    const { user, authenticator } = await userWithPasskey();
    const { authenticator: foreignKey } = await userWithPasskey();
    const start = async () => {
      const password = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: csrf,
        payload: { email: user.email, password: DEFAULT_TEST_PASSWORD },
      });
      expect(password.json()).toEqual({ status: 'second-factor-required', methods: ['passkey'] });
      const pending = { cookies: cookieJar(password) };
      const options = await post(pending, '/api/auth/passkey/sign-in-options');
      expect(options.json().allowCredentials.map((c: { id: string }) => c.id)).toEqual([authenticator.id]);
      return { pending, options: options.json() };
    };
    const other = await start();
    const wrongAccount = await post(other.pending, '/api/auth/sign-in/passkey', {
      response: foreignKey.authenticate(other.options),
    });
    expect(wrongAccount.json().code).toBe('PASSKEY_NOT_ACCEPTED');

    const { pending, options } = await start();
    const done = await post(pending, '/api/auth/sign-in/passkey', { response: authenticator.authenticate(options) });
    expect(done.statusCode).toBe(200);
    expect(done.json().session.id).toBe(user.id);
  });

  it('steps up with a passkey only (the password no longer does); the staff rule accepts a passkey', async () => {
    const { user, authenticator } = await userWithPasskey();
    const session = await signedInAs(app, user, { steppedUp: false });
    const password = await post(session, '/api/auth/step-up', { password: DEFAULT_TEST_PASSWORD });
    expect([password.statusCode, password.json().code]).toEqual([400, 'STEP_UP_PASSKEY_REQUIRED']);
    const totp = await post(session, '/api/auth/step-up', { totpCode: '123456' });
    expect(totp.json().code).toBe('STEP_UP_PASSKEY_REQUIRED');

    const options = (await post(session, '/api/auth/step-up/passkey-options')).json();
    const confirmed = await post(session, '/api/auth/step-up', { passkey: authenticator.authenticate(options) });
    expect(confirmed.statusCode).toBe(200);
    const row = await prisma.session.findUniqueOrThrow({ where: { id: session.sessionId } });
    expect(row.lastStepUpAt).not.toBeNull();
    expect(row.passkeyVerifiedAt).not.toBeNull();
    // Another session's challenge cannot be used here.
    const elsewhere = await signedInAs(app, user, { steppedUp: false });
    const theirs = (await post(elsewhere, '/api/auth/step-up/passkey-options')).json();
    const stolen = await post(session, '/api/auth/step-up', { passkey: authenticator.authenticate(theirs) });
    expect([stolen.statusCode, stolen.json().code]).toEqual([400, 'PASSKEY_CHALLENGE_INVALID']);
  });
});
