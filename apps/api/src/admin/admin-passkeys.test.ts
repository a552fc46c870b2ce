import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { callAs, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import { DEFAULT_GLOBAL_SETTINGS } from '../../test/support/admin-fixtures.js';
import { createUser, signedInAs } from '../../test/support/builders.js';
import { csrf, PASSKEY_APP_CONFIG, registerPasskey, signInWithPasskey } from '../../test/support/passkey-kit.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';

// The staffPasskeyRequired setting is a global row: this file uses a database of its own.
let app: NestFastifyApplication;
let prisma: PrismaService;
let admin: Caller;

withTestApp((started) => ({ app, prisma } = started), PASSKEY_APP_CONFIG, { ownDatabase: true });
beforeAll(async () => {
  admin = await signedInUser(app, 'ADMIN');
});

describe('passkeys for staff and in the support panel', () => {
  it('a passkey is a strong second factor for staff; requiring passkeys (audited) asks for a passkey-confirmed session', async () => {
    const support = await signedInUser(app, 'SUPPORT', { totp: false });
    expect((await callAs(app, support, 'GET', '/api/admin/me')).json().code).toBe('STAFF_TOTP_REQUIRED');
    const { authenticator } = await registerPasskey(app, support.auth);
    expect((await callAs(app, support, 'GET', '/api/admin/me')).statusCode).toBe(200);

    const saved = await callAs(app, admin, 'PUT', '/api/admin/settings', {
      payload: { ...DEFAULT_GLOBAL_SETTINGS, staffPasskeyRequired: true, reason: 'Phishing-resistant staff sign-in' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().staffPasskeyRequired).toBe(true);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'settings.updated' },
      orderBy: { id: 'desc' },
    });
    expect(audit.after).toMatchObject({ staffPasskeyRequired: true });

    // TOTP alone no longer opens the panel, for anyone (the admin who saved it included).
    const me = await callAs(app, admin, 'GET', '/api/admin/me');
    expect([me.statusCode, me.json().code]).toEqual([403, 'STAFF_PASSKEY_REQUIRED']);
    expect((await callAs(app, support, 'GET', '/api/admin/me')).json().code).toBe('STAFF_PASSKEY_REQUIRED');
    const meView = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: support.auth.cookies });
    expect(meView.json()).toMatchObject({ staffPasskeyRequired: true, staffTotpRequired: false, passkeyCount: 1 });

    // A passkey sign-in opens it; so would a passkey step-up.
    const viaPasskey = await signInWithPasskey(app, authenticator);
    const passkeySession = {
      user: support.user,
      auth: { sessionId: '', cookies: viaPasskey.sessionCookies!, headers: csrf },
    };
    expect((await callAs(app, passkeySession, 'GET', '/api/admin/me')).statusCode).toBe(200);
    const stepUpOptions = (await callAs(app, support, 'POST', '/api/auth/step-up/passkey-options')).json();
    await callAs(app, support, 'POST', '/api/auth/step-up', {
      payload: { passkey: authenticator.authenticate(stepUpOptions) },
    });
    expect((await callAs(app, support, 'GET', '/api/admin/me')).statusCode).toBe(200);

    // Older clients leave the field out: the saved value stays.
    const adminKey = await registerPasskey(app, await signedInAs(app, admin.user));
    const adminSession = await signInWithPasskey(app, adminKey.authenticator);
    const adminByPasskey = {
      user: admin.user,
      auth: { sessionId: '', cookies: adminSession.sessionCookies!, headers: csrf },
    };
    const kept = await callAs(app, adminByPasskey, 'PUT', '/api/admin/settings', {
      payload: { ...DEFAULT_GLOBAL_SETTINGS, reason: 'No change to passkeys' },
    });
    expect(kept.json().staffPasskeyRequired).toBe(true);
    const off = await callAs(app, adminByPasskey, 'PUT', '/api/admin/settings', {
      payload: { ...DEFAULT_GLOBAL_SETTINGS, staffPasskeyRequired: false, reason: 'Back to any strong factor' },
    });
    expect(off.json().staffPasskeyRequired).toBe(false);
  });

  it("support sees a user's passkeys (names only) and removes one with a reason: audited, noticed by staff", async () => {
    const support = await signedInUser(app, 'SUPPORT');
    const user = await createUser(prisma);
    const { passkey } = await registerPasskey(app, await signedInAs(app, user), 'Old phone');
    const detail = await callAs(app, support, 'GET', `/api/admin/users/${user.id}`);
    expect(detail.json().passkeys).toEqual([
      { id: passkey.id, name: 'Old phone', createdAt: expect.any(String), lastUsedAt: null },
    ]);
    expect(JSON.stringify(detail.json())).not.toContain('publicKey');

    const url = `/api/admin/users/${user.id}/passkeys/${passkey.id}/remove`;
    expect((await callAs(app, support, 'POST', url, { payload: {} })).json().code).toBe('VALIDATION_FAILED');
    const removed = await callAs(app, support, 'POST', url, { payload: { reason: 'Phone lost, caller verified' } });
    expect(removed.statusCode).toBe(204);
    expect((await callAs(app, support, 'POST', url, { payload: { reason: 'again' } })).json().code).toBe(
      'ITEM_NOT_FOUND',
    );
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { targetUserId: user.id, action: 'passkey.removed' },
    });
    expect(event).toMatchObject({ actorId: support.user.id, reason: 'Phone lost, caller verified' });
    const notice = await prisma.securityNotice.findFirstOrThrow({
      where: { userId: user.id, kind: 'PASSKEY_REMOVED' },
    });
    expect(notice).toMatchObject({
      byStaff: true,
      reason: 'Phone lost, caller verified',
      params: { name: 'Old phone' },
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passkeysEnabledAt).toBeNull();
  });
});
