import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedInAs, wrongTotpCode } from '../../../test/support/builders.js';
import { decision, loginBody, mailAuthEnv, TEST_REDIS_URL } from '../../../test/support/mail-auth-client.js';
import { createTestApp } from '../../../test/support/test-app.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../auth/csrf.js';
import { PLAIN_PENDING_COOKIE } from '../../auth/pending-sign-in.js';
import { SecretKeyring } from '../common/crypto/secret-keyring.js';
import { PrismaService } from '../database/prisma.service.js';
import { RedisService } from '../redis/redis.service.js';

/*
 * Two deployments sharing one Redis must not share limits: every key this API writes lies under
 * REDIS_KEY_PREFIX. The app below goes through every web limit and the mail decisions; then the
 * raw key space (other suites write to it too) is searched for keys that carry something only this
 * test used — its random addresses, IPs, user ids, the pending sign-in's nonce — outside the prefix.
 */

const csrf = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** How keys name an address or login: a truncated SHA-256, never the address itself. */
function loginHash(login: string): string {
  return createHash('sha256').update(login).digest('base64url').slice(0, 22);
}

describe('REDIS_KEY_PREFIX', () => {
  const prefix = `test:prefix-${randomUUID()}:`;
  let app: NestFastifyApplication;
  let raw: Redis;

  beforeAll(async () => {
    app = await createTestApp(mailAuthEnv({ REDIS_KEY_PREFIX: prefix }));
    // A plain connection without a prefix sees the whole key space as it is.
    raw = new Redis(TEST_REDIS_URL);
    const deadline = Date.now() + 5_000;
    while (!app.get(RedisService).isAvailable()) {
      if (Date.now() > deadline) throw new Error('Redis not ready');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  afterAll(async () => {
    raw.disconnect();
    await app.close();
  });

  it('holds every key the web limits and the mail decisions write', async () => {
    const prisma = app.get(PrismaService);
    const ips = {
      signIn: randomIp(),
      secondFactor: randomIp(),
      stepUp: randomIp(),
      reset: randomIp(),
      mail: randomIp(),
    };
    const user = await createUser(prisma, { totp: true, keyring: app.get(SecretKeyring) });
    const signIn = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: csrf,
        payload: { email: user.email, password },
        remoteAddress: ips.signIn,
      });

    // Web sign-in: a failure, then the password step of a pending sign-in.
    expect((await signIn('not-the-password-at-all')).statusCode).toBe(401);
    const pending = await signIn(user.password);
    expect(pending.json()).toMatchObject({ status: 'totp-required' });
    const pendingToken = pending.cookies.find((cookie) => cookie.name === PLAIN_PENDING_COOKIE)!.value;
    const nonce = pendingToken.split('.')[3]!;

    // Second factor: a wrong code on that pending sign-in.
    const secondFactor = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/totp',
      headers: csrf,
      cookies: { [PLAIN_PENDING_COOKIE]: pendingToken },
      payload: { code: await wrongTotpCode(user.totpSecret!) },
      remoteAddress: ips.secondFactor,
    });
    expect(secondFactor.json().code).toBe('TOTP_CODE_INVALID');

    // Step-up: a wrong password (another user, without 2FA).
    const other = await createUser(prisma);
    const session = await signedInAs(app, other, { steppedUp: false });
    const stepUp = await app.inject({
      method: 'POST',
      url: '/api/auth/step-up',
      headers: session.headers,
      cookies: session.cookies,
      payload: { password: 'not-the-password-at-all' },
      remoteAddress: ips.stepUp,
    });
    expect(stepUp.json().code).toBe('STEP_UP_FAILED');

    // Reset-link redemption: a guessed token.
    const reset = await app.inject({
      method: 'POST',
      url: '/api/password-reset',
      headers: { 'x-requested-with': 'mailgate' },
      payload: { token: `guessed-${randomUUID()}`, newPassword: 'granite orchard velvet compass 1987' },
      remoteAddress: ips.reset,
    });
    expect(reset.json().code).toBe('RESET_LINK_INVALID');

    // Mail decisions: a wrong password, then the right one (2FA users would need an app password).
    const mailUser = await createUser(prisma, { imap: true });
    const wrongMail = loginBody({ ...mailUser, password: 'not-the-password-at-all' }, { clientIp: ips.mail });
    expect(await decision(app, wrongMail)).toMatchObject({ decision: 'deny' });
    expect(await decision(app, loginBody(mailUser, { clientIp: ips.mail }))).toMatchObject({ decision: 'allow' });

    const markers = {
      signIn: loginHash(user.email),
      signInIp: ips.signIn,
      secondFactor: `second-factor:user:${user.id}`,
      pending: nonce,
      stepUp: `reauth:user:${other.id}`,
      reset: ips.reset,
      mail: ips.mail,
      mailLogin: loginHash(mailUser.email),
    };
    const ours = (await allKeys(raw)).filter((key) => Object.values(markers).some((marker) => key.includes(marker)));
    expect(ours.filter((key) => !key.startsWith(prefix))).toEqual([]);
    // And the search saw what was written: each step left at least one key, under the prefix.
    for (const [step, marker] of Object.entries(markers)) {
      expect(
        ours.some((key) => key.includes(marker)),
        `no key for ${step}`,
      ).toBe(true);
    }
  });
});

async function allKeys(redis: Redis): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}
