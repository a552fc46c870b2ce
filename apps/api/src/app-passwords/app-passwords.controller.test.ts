import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { appPasswordsOperations, normaliseAppPassword } from '@mailgate/contracts';
import { findAppPassword } from '../../test/support/app-password-match.js';
import { withTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs, type SignedIn } from '../../test/support/builders.js';
import type { AccountChange } from '../account-events/account-events.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppPasswordsService } from './app-passwords.service.js';
import { expectContract } from '../../test/support/contract-client.js';

describe('app passwords API', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let service: AppPasswordsService;
  let published: readonly AccountChange[];

  withTestApp((started) => ({ app, prisma, accountChanges: published } = started));
  beforeAll(async () => {
    service = app.get(AppPasswordsService);
  });

  function create(session: SignedIn, payload: unknown) {
    return app.inject({
      method: 'POST',
      url: '/api/account/app-passwords',
      cookies: session.cookies,
      headers: session.headers,
      payload: payload as Record<string, unknown>,
    });
  }

  async function counts(userId: string) {
    const [appPasswords, audits, notices, user] = await Promise.all([
      prisma.appPassword.count({ where: { userId } }),
      prisma.auditEvent.count({ where: { targetUserId: userId } }),
      prisma.securityNotice.count({ where: { userId } }),
      prisma.user.findUniqueOrThrow({ where: { id: userId } }),
    ]);
    return { appPasswords, audits, notices, securityVersion: user.securityVersion };
  }

  it('creates an app password after a step-up and shows the secret exactly once', async () => {
    const user = await createUser(prisma);
    const stale = await signedInAs(app, user, { steppedUp: false });
    const refused = await create(stale, { name: 'Thunderbird', scopes: ['IMAP', 'SMTP'] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('STEP_UP_REQUIRED');
    expect((await counts(user.id)).appPasswords).toBe(0);

    const session = await signedInAs(app, user);
    const response = await create(session, {
      name: '  Thunderbird laptop ',
      scopes: ['IMAP', 'SMTP'],
      expiresIn: 'never',
    });
    const body = expectContract(appPasswordsOperations.create, response);
    expect(body.secret).toMatch(/^([ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}-){5}[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{4}$/);
    expect(body.appPassword).toMatchObject({
      name: 'Thunderbird laptop',
      scopes: ['IMAP', 'SMTP'],
      status: 'active',
      expiresAt: null,
      lastUsedAt: null,
    });
    expect(body.serverSettings.map((s: { protocol: string }) => s.protocol)).toEqual(['IMAP', 'SMTP']);
    expect(body.serverSettings[0]).toMatchObject({ host: 'imap.example.test', username: user.email });
    const normalised = normaliseAppPassword(body.secret);

    const list = await app.inject({ method: 'GET', url: '/api/account/app-passwords', cookies: session.cookies });
    expect(list.body).not.toContain(normalised);
    expect(list.body).not.toContain(body.secret);
    expect(list.body).not.toContain('secretHash');
    expect(expectContract(appPasswordsOperations.list, list)).toMatchObject({
      activeCount: 1,
      limit: 25,
      appPasswords: [{ id: body.appPassword.id }],
    });

    const row = await prisma.appPassword.findUniqueOrThrow({ where: { id: body.appPassword.id } });
    expect(JSON.stringify(row)).not.toContain(normalised);
    expect(row.secretHash).toBe(app.get(SecretKeyring).hash('app-password', normalised));
    expect(row.secretHash).toMatch(/^k1:/);

    // Accepted in any case and spacing; matched by its keyed hash.
    const typed = body.secret.toLowerCase().replaceAll('-', ' ');
    expect(await findAppPassword(app, user.id, typed)).toEqual({
      id: row.id,
      scopes: ['IMAP', 'SMTP'],
      status: 'active',
    });
    expect(await findAppPassword(app, user.id, 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA')).toBeNull();

    const after = await counts(user.id);
    expect(after).toMatchObject({ audits: 1, notices: 1, securityVersion: user.securityVersion + 1 });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { targetUserId: user.id } });
    expect(audit.action).toBe('app_password.created');
    expect(JSON.stringify({ before: audit.before, after: audit.after })).not.toContain(normalised);
    const notice = await prisma.securityNotice.findFirstOrThrow({ where: { userId: user.id } });
    expect(notice).toMatchObject({ kind: 'APP_PASSWORD_CREATED', params: { name: 'Thunderbird laptop' } });
    // A new app password takes nothing away: no open session is closed.
    expect(published).toContainEqual({
      userId: user.id,
      kind: 'app-password',
      securityVersion: after.securityVersion,
      endsAccess: [],
    });
  });

  it('sets the expiry and reports an expired app password as expired', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const before = Date.now();
    const body = (await create(session, { name: 'Phone', scopes: ['POP3'], expiresIn: '30d' })).json();
    const expiresAt = new Date(body.appPassword.expiresAt).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * 86_400_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000);
    const later = await service.list(user.id, new Date(expiresAt + 1));
    expect(later).toMatchObject([{ id: body.appPassword.id, status: 'expired' }]);
    expect(await service.activeCount(user.id, new Date(expiresAt + 1))).toBe(0);
  });

  it('refuses invalid names, scopes and fields with 400 and writes nothing', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const invalid: unknown[] = [
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['IMAP', 'IMAP'] },
      { name: 'x', scopes: ['FTP'] },
      { name: 'x', scopes: ['imap'] },
      { name: 'x', scopes: 'IMAP' },
      { name: '', scopes: ['IMAP'] },
      { name: '   ', scopes: ['IMAP'] },
      { name: 'a'.repeat(65), scopes: ['IMAP'] },
      { name: 'bad\u0000name', scopes: ['IMAP'] },
      { name: 'bad\nname', scopes: ['IMAP'] },
      { name: 'lone \ud800 surrogate', scopes: ['IMAP'] },
      { name: 'x', scopes: ['IMAP'], expiresIn: '10d' },
      { name: 'x', scopes: ['IMAP'], secret: 'AAAA' },
      { scopes: ['IMAP'] },
    ];
    for (const payload of invalid) {
      const response = await create(session, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
    }
    const ok = await create(session, { name: 'a'.repeat(64), scopes: ['SMTP'] });
    expect(ok.statusCode).toBe(201);
    expect(await counts(user.id)).toMatchObject({ appPasswords: 1, audits: 1, notices: 1 });
  });

  it('allows at most 25 active app passwords; revoked and expired ones do not count', async () => {
    const user = await createUser(prisma);
    const actor = { userId: user.id, role: 'USER' as const };
    const longAgo = new Date(Date.now() - 400 * 86_400_000);
    await service.create({
      actor,
      userId: user.id,
      name: 'old',
      scopes: ['IMAP'],
      expiresIn: '30d',
      meta: null,
      now: longAgo,
    });
    const revoked = await service.create({
      actor,
      userId: user.id,
      name: 'gone',
      scopes: ['IMAP'],
      expiresIn: 'never',
      meta: null,
    });
    await service.revoke({ actor, userId: user.id, appPasswordId: revoked.appPassword.id, meta: null });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        service.create({
          actor,
          userId: user.id,
          name: `device ${i}`,
          scopes: ['IMAP'],
          expiresIn: 'never',
          meta: null,
        }),
      ),
    );
    expect(await service.activeCount(user.id)).toBe(25);
    const before = await counts(user.id);

    const session = await signedInAs(app, user);
    const response = await create(session, { name: 'one too many', scopes: ['IMAP'] });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('APP_PASSWORD_LIMIT_REACHED');
    expect(await counts(user.id)).toEqual(before);
  });

  it('enforces the limit under concurrent creation', async () => {
    const user = await createUser(prisma);
    const actor = { userId: user.id, role: 'USER' as const };
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        service.create({ actor, userId: user.id, name: `n${i}`, scopes: ['SMTP'], expiresIn: 'never', meta: null }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(25);
    expect(await service.activeCount(user.id)).toBe(25);
  });

  it('revokes one app password, idempotently, with audit, notice and a version bump', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user, { steppedUp: false });
    const actor = { userId: user.id, role: 'USER' as const };
    const created = await service.create({
      actor,
      userId: user.id,
      name: 'Outlook',
      scopes: ['IMAP'],
      expiresIn: 'never',
      meta: null,
    });
    const keep = await service.create({
      actor,
      userId: user.id,
      name: 'Keep',
      scopes: ['IMAP'],
      expiresIn: 'never',
      meta: null,
    });
    const before = await counts(user.id);

    const url = `/api/account/app-passwords/${created.appPassword.id}`;
    const response = await app.inject({ method: 'DELETE', url, cookies: session.cookies, headers: session.headers });
    expect(response.statusCode).toBe(204);
    expect(await counts(user.id)).toMatchObject({
      audits: before.audits + 1,
      notices: before.notices + 1,
      securityVersion: before.securityVersion + 1,
    });
    expect(await findAppPassword(app, user.id, created.secret)).toMatchObject({ status: 'revoked' });
    expect(await findAppPassword(app, user.id, keep.secret)).toMatchObject({ status: 'active' });
    const list = (
      await app.inject({ method: 'GET', url: '/api/account/app-passwords', cookies: session.cookies })
    ).json();
    expect(list.appPasswords.map((item: { name: string; status: string }) => [item.name, item.status])).toEqual([
      ['Keep', 'active'],
      ['Outlook', 'revoked'],
    ]);

    const again = await app.inject({ method: 'DELETE', url, cookies: session.cookies, headers: session.headers });
    expect(again.statusCode).toBe(204);
    expect((await counts(user.id)).audits).toBe(before.audits + 1);
  });

  it("answers 404 for another user's app password and leaves it untouched (no existence leak)", async () => {
    const owner = await createUser(prisma);
    const intruder = await createUser(prisma);
    const actor = { userId: owner.id, role: 'USER' as const };
    const created = await service.create({
      actor,
      userId: owner.id,
      name: 'Mine',
      scopes: ['IMAP'],
      expiresIn: 'never',
      meta: null,
    });
    const session = await signedInAs(app, intruder);

    const foreign = await app.inject({
      method: 'DELETE',
      url: `/api/account/app-passwords/${created.appPassword.id}`,
      cookies: session.cookies,
      headers: session.headers,
    });
    const missing = await app.inject({
      method: 'DELETE',
      url: `/api/account/app-passwords/${crypto.randomUUID()}`,
      cookies: session.cookies,
      headers: session.headers,
    });
    for (const response of [foreign, missing]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'NOT_FOUND', title: 'Not found.' });
    }
    expect(foreign.json().detail).toEqual(missing.json().detail);
    expect(await findAppPassword(app, owner.id, created.secret)).toMatchObject({ status: 'active' });
    const list = (
      await app.inject({ method: 'GET', url: '/api/account/app-passwords', cookies: session.cookies })
    ).json();
    expect(list.appPasswords).toEqual([]);
    // A secret is only ever matched within its own user.
    expect(await findAppPassword(app, intruder.id, created.secret)).toBeNull();

    const revokeAll = await app.inject({
      method: 'POST',
      url: '/api/account/app-passwords/revoke-all',
      cookies: session.cookies,
      headers: session.headers,
    });
    expect(revokeAll.json()).toEqual({ revoked: 0 });
    expect(await findAppPassword(app, owner.id, created.secret)).toMatchObject({ status: 'active' });

    const badId = await app.inject({
      method: 'DELETE',
      url: '/api/account/app-passwords/not-a-uuid',
      cookies: session.cookies,
      headers: session.headers,
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().code).toBe('VALIDATION_FAILED');
  });

  it('revokes all active app passwords at once', async () => {
    const user = await createUser(prisma);
    const actor = { userId: user.id, role: 'USER' as const };
    const created = await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        service.create({ actor, userId: user.id, name, scopes: ['IMAP'], expiresIn: 'never', meta: null }),
      ),
    );
    const session = await signedInAs(app, user, { steppedUp: false });
    const before = await counts(user.id);
    const response = await app.inject({
      method: 'POST',
      url: '/api/account/app-passwords/revoke-all',
      cookies: session.cookies,
      headers: session.headers,
    });
    expect(expectContract(appPasswordsOperations.revokeAll, response)).toEqual({ revoked: 3 });
    for (const { secret } of created)
      expect(await findAppPassword(app, user.id, secret)).toMatchObject({ status: 'revoked' });
    expect(await counts(user.id)).toMatchObject({
      audits: before.audits + 1,
      notices: before.notices + 1,
      securityVersion: before.securityVersion + 1,
    });
    const again = await app.inject({
      method: 'POST',
      url: '/api/account/app-passwords/revoke-all',
      cookies: session.cookies,
      headers: session.headers,
    });
    expect(again.json()).toEqual({ revoked: 0 });
    expect((await counts(user.id)).audits).toBe(before.audits + 1);
  });

  it('writes nothing when the audit write fails', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const spy = vi.spyOn(app.get(AuditService), 'record').mockRejectedValueOnce(new Error('audit down'));
    const response = await create(session, { name: 'x', scopes: ['IMAP'] });
    spy.mockRestore();
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('audit down');
    expect(await counts(user.id)).toEqual({
      appPasswords: 0,
      audits: 0,
      notices: 0,
      securityVersion: user.securityVersion,
    });
  });

  it('refuses state changes without the CSRF header', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const response = await app.inject({
      method: 'POST',
      url: '/api/account/app-passwords',
      cookies: session.cookies,
      payload: { name: 'x', scopes: ['IMAP'] },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF_CHECK_FAILED');
    expect((await counts(user.id)).appPasswords).toBe(0);
  });
});
