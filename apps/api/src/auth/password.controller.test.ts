import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs, type SignedIn } from '../../test/support/builders.js';
import type { AccountChange } from '../account-events/account-events.service.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from './csrf.js';

/** Random and strong: what a password manager would make. */
function strongPassword(length = 24): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_!?%';
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

describe('password change', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let published: readonly AccountChange[];

  withTestApp((started) => ({ app, prisma, accountChanges: published } = started));

  const change = (session: SignedIn, payload: Record<string, unknown>, remoteAddress = '203.0.113.7') =>
    app.inject({
      method: 'POST',
      url: '/api/account/password',
      cookies: session.cookies,
      headers: session.headers,
      payload,
      remoteAddress,
    });

  const signInWith = (email: string, password: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
      payload: { email, password },
      remoteAddress: '198.18.0.1',
    });

  it('serves the policy in force for the live meter', async () => {
    const user = await createUser(prisma);
    const response = await app.inject({
      method: 'GET',
      url: '/api/account/password-policy',
      cookies: (await signedInAs(app, user)).cookies,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ minLength: 15, maxLength: 128, minScore: 3, blocklistEnabled: true });
    expect(response.json().contextWords).toContain('mailgate');
  });

  it.each([
    ['too short', () => 'Zq7!vR2#', 'PASSWORD_TOO_SHORT'],
    ['too long', () => strongPassword(129), 'PASSWORD_TOO_LONG'],
    ['blocklisted', () => '1qaz2wsx3edc4rfv', 'PASSWORD_BLOCKLISTED'],
    ['built from the name', () => `Wilhelmina${strongPassword(12)}`, 'PASSWORD_CONTAINS_CONTEXT'],
    ['built from the service name', () => `${strongPassword(12)}Mailgate`, 'PASSWORD_CONTAINS_CONTEXT'],
    ['easy to guess', () => 'aaaaaaaaaaaaaaaaaaaa', 'PASSWORD_TOO_WEAK'],
  ])('refuses a new password that is %s, with its code, and changes nothing', async (_label, make, code) => {
    const user = await createUser(prisma, { displayName: 'Wilhelmina Brandt' });
    const session = await signedInAs(app, user);
    const newPassword = make();
    const response = await change(session, { currentPassword: user.password, newPassword });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.problems).toContain(code);
    expect(body.code).toBe(body.problems[0]);
    expect(response.body).not.toContain(newPassword);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBe(user.passwordHash);
    expect(stored.securityVersion).toBe(user.securityVersion);
  });

  it('names every broken rule', async () => {
    const user = await createUser(prisma);
    const response = await change(await signedInAs(app, user), {
      currentPassword: user.password,
      newPassword: 'mailgate',
    });
    expect(response.json()).toMatchObject({
      code: 'PASSWORD_TOO_SHORT',
      problems: ['PASSWORD_TOO_SHORT', 'PASSWORD_CONTAINS_CONTEXT', 'PASSWORD_TOO_WEAK'],
    });
  });

  it('refuses a wrong current password, and the same password again', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const wrong = await change(session, { currentPassword: 'not-my-password-at-all', newPassword: strongPassword() });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('CURRENT_PASSWORD_WRONG');
    const same = await change(session, { currentPassword: user.password, newPassword: user.password });
    expect(same.json().code).toBe('PASSWORD_UNCHANGED');
  });

  it('accepts 64 random characters, signs out other sessions, revokes app passwords, and audits it all', async () => {
    const user = await createUser(prisma);
    const other = await signedInAs(app, user);
    const session = await signedInAs(app, user);
    await prisma.appPassword.create({
      data: { userId: user.id, name: 'Phone', scopes: ['IMAP'], secretHash: `k1:test-${user.id}` },
    });
    const newPassword = strongPassword(64);
    const response = await change(session, { currentPassword: user.password, newPassword });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ signedOutSessions: 1, revokedAppPasswords: 1 });

    const me = (s: SignedIn) => app.inject({ method: 'GET', url: '/api/auth/me', cookies: s.cookies });
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(session)).statusCode).toBe(200);
    expect(await prisma.appPassword.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);

    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.securityVersion).toBe(user.securityVersion + 1);
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(newPassword);
    const actions = (await prisma.auditEvent.findMany({ where: { targetUserId: user.id } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['password.changed', 'app_password.revoked_all']));
    expect(await prisma.securityNotice.count({ where: { userId: user.id, kind: 'PASSWORD_CHANGED' } })).toBe(1);
    expect(published).toContainEqual({ userId: user.id, kind: 'password', securityVersion: user.securityVersion + 1 });

    expect((await signInWith(user.email, user.password)).statusCode).toBe(401);
    expect((await signInWith(user.email, newPassword)).statusCode).toBe(200);
  });

  it('keeps other sessions and app passwords when the user unticks both', async () => {
    const user = await createUser(prisma);
    const other = await signedInAs(app, user);
    const session = await signedInAs(app, user);
    await prisma.appPassword.create({
      data: { userId: user.id, name: 'Laptop', scopes: ['SMTP'], secretHash: `k1:test-${user.id}` },
    });
    const response = await change(session, {
      currentPassword: user.password,
      newPassword: strongPassword(),
      signOutOtherSessions: false,
      revokeAppPasswords: false,
    });
    expect(response.json()).toEqual({ signedOutSessions: 0, revokedAppPasswords: 0 });
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', cookies: other.cookies })).statusCode).toBe(200);
    expect(await prisma.appPassword.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
  });

  it('accepts a long password with non-Latin characters and emoji, hashed after NFKC', async () => {
    const user = await createUser(prisma);
    const newPassword = `Ｇrüße🦊aus-Köln ${strongPassword(10)} 東京の夜`;
    const response = await change(await signedInAs(app, user), { currentPassword: user.password, newPassword });
    expect(response.statusCode).toBe(200);
    // Typed in its NFKC form (full-width Ｇ becomes G), it is the same password.
    expect((await signInWith(user.email, newPassword.normalize('NFKC'))).statusCode).toBe(200);
  });

  it('refuses unknown fields and missing CSRF', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const payload = { currentPassword: user.password, newPassword: strongPassword() };
    expect((await change(session, { ...payload, admin: true })).json().code).toBe('VALIDATION_FAILED');
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/account/password',
      cookies: session.cookies,
      payload,
    });
    expect(noCsrf.json().code).toBe('CSRF_CHECK_FAILED');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });

  it('rate limits wrong current passwords', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    for (let i = 0; i < 10; i += 1) {
      await change(session, { currentPassword: `wrong-${i}-password`, newPassword: strongPassword() }, '203.0.113.99');
    }
    const limited = await change(session, { currentPassword: user.password, newPassword: strongPassword() });
    expect(limited.statusCode).toBe(429);
  });
});
