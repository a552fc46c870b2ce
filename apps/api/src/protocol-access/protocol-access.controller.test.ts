import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it, vi } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs } from '../../test/support/builders.js';
import type { AccountChange } from '../account-events/account-events.service.js';
import { SecurityChangeService } from '../account-events/security-change.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';
import { ProtocolAccessService } from './protocol-access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { protocolAccessOperations } from '@mailgate/contracts';
import { callOperation, expectContract } from '../../test/support/contract-client.js';

describe('protocol access API', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let published: readonly AccountChange[];

  withTestApp((started) => ({ app, prisma, accountChanges: published } = started), {
    MAIL_IMAP_HOST: 'imap.mail.test',
    MAIL_SMTP_PORT: '465',
    MAIL_SMTP_SECURITY: 'SSL/TLS',
  });

  async function state(userId: string) {
    const [user, audits, notices, rows] = await Promise.all([
      prisma.user.findUniqueOrThrow({ where: { id: userId } }),
      prisma.auditEvent.findMany({ where: { targetUserId: userId }, orderBy: { id: 'asc' } }),
      prisma.securityNotice.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
      prisma.protocolAccess.findMany({ where: { userId } }),
    ]);
    return { securityVersion: user.securityVersion, audits, notices, rows };
  }

  it('lists all three protocols off by default, with server settings from the environment', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const response = await app.inject({ method: 'GET', url: '/api/account/protocols', cookies: session.cookies });
    const body = expectContract(protocolAccessOperations.list, response);
    expect(body.mainPasswordUsable).toBe(true);
    expect(body.mainPasswordBlockedBy).toBeNull();
    expect(body.protocols.map((p) => p.protocol)).toEqual(['IMAP', 'POP3', 'SMTP']);
    for (const protocol of body.protocols) {
      expect(protocol).toMatchObject({ enabled: false, effectiveEnabled: false, isDefault: true, enabledUntil: null });
    }
    expect(body.protocols[1]!.pop3KeepCopy).toBe(true);
    expect(body.protocols[0]!.serverSettings).toEqual({
      protocol: 'IMAP',
      host: 'imap.mail.test',
      port: 993,
      encryption: 'SSL/TLS',
      username: user.email,
    });
    expect(body.protocols[1]!.serverSettings).toMatchObject({ host: 'pop3.example.test', port: 995 });
    expect(body.protocols[2]!.serverSettings).toMatchObject({ port: 465, encryption: 'SSL/TLS' });
  });

  it('says the account password does not work in mail programs while 2FA is on', async () => {
    const user = await createUser(prisma, { totp: true, keyring: app.get(SecretKeyring) });
    const session = await signedInAs(app, user);
    const body = await callOperation(app, protocolAccessOperations.list, { as: session });
    expect(body).toMatchObject({ mainPasswordUsable: false, mainPasswordBlockedBy: 'TOTP_ENABLED' });
  });

  it('turns a protocol on only after a step-up, and audits, notifies, bumps and publishes', async () => {
    const user = await createUser(prisma);
    const stale = await signedInAs(app, user, { steppedUp: false });
    const refused = await app.inject({
      method: 'PUT',
      url: '/api/account/protocols/imap',
      cookies: stale.cookies,
      headers: stale.headers,
      payload: { enabled: true },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('STEP_UP_REQUIRED');
    const untouched = await state(user.id);
    expect(untouched).toMatchObject({ securityVersion: user.securityVersion, audits: [], notices: [], rows: [] });

    const session = await signedInAs(app, user);
    const response = await app.inject({
      method: 'PUT',
      url: '/api/account/protocols/iMaP',
      cookies: session.cookies,
      headers: session.headers,
      payload: { enabled: true, duration: 'unlimited' },
    });
    expect(expectContract(protocolAccessOperations.set, response)).toMatchObject({
      protocol: 'IMAP',
      enabled: true,
      effectiveEnabled: true,
      enabledUntil: null,
      isDefault: false,
      serverSettings: { host: 'imap.mail.test', username: user.email },
    });
    const after = await state(user.id);
    expect(after.securityVersion).toBe(user.securityVersion + 1);
    expect(after.audits).toHaveLength(1);
    expect(after.audits[0]).toMatchObject({
      action: 'protocol_access.enabled',
      actorId: user.id,
      actorRole: 'USER',
      before: expect.objectContaining({ enabled: false }),
      after: expect.objectContaining({ enabled: true }),
      ip: '127.0.0.1',
    });
    expect(after.notices).toHaveLength(1);
    expect(after.notices[0]).toMatchObject({ kind: 'PROTOCOL_ENABLED', byStaff: false, params: { protocol: 'IMAP' } });
    // Turning on closes nothing.
    expect(published).toContainEqual({
      userId: user.id,
      kind: 'protocol-access',
      securityVersion: after.securityVersion,
      endsAccess: [],
    });
  });

  it('turns a protocol off without a step-up: closing a door is never blocked', async () => {
    const user = await createUser(prisma, { imap: true, smtp: true });
    const stale = await signedInAs(app, user, { steppedUp: false });
    const response = await app.inject({
      method: 'PUT',
      url: '/api/account/protocols/SMTP',
      cookies: stale.cookies,
      headers: stale.headers,
      payload: { enabled: false },
    });
    expect(expectContract(protocolAccessOperations.set, response)).toMatchObject({
      protocol: 'SMTP',
      enabled: false,
      effectiveEnabled: false,
    });
    const after = await state(user.id);
    expect(after.securityVersion).toBe(user.securityVersion + 1);
    expect(after.audits.map((audit) => audit.action)).toEqual(['protocol_access.disabled']);
    expect(after.notices.map((notice) => notice.kind)).toEqual(['PROTOCOL_DISABLED']);
    expect(after.rows.find((row) => row.protocol === 'IMAP')?.enabled).toBe(true);
    // Only SMTP's sessions are to be closed, not IMAP's.
    expect(published).toContainEqual({
      userId: user.id,
      kind: 'protocol-access',
      securityVersion: after.securityVersion,
      endsAccess: ['SMTP'],
    });
  });

  it('re-sending the current state writes nothing', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user, { steppedUp: false });
    const response = await app.inject({
      method: 'PUT',
      url: '/api/account/protocols/pop3',
      cookies: session.cookies,
      headers: session.headers,
      payload: { enabled: false },
    });
    expect(response.statusCode).toBe(200);
    expect(await state(user.id)).toMatchObject({ securityVersion: user.securityVersion, audits: [], notices: [] });
  });

  it('stores time-limited access and counts it as off once the time is up (evaluated at read time)', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const before = Date.now();
    const response = await app.inject({
      method: 'PUT',
      url: '/api/account/protocols/pop3',
      cookies: session.cookies,
      headers: session.headers,
      payload: { enabled: true, duration: '7d', pop3KeepCopy: false },
    });
    const body = expectContract(protocolAccessOperations.set, response);
    expect(body).toMatchObject({ enabled: true, effectiveEnabled: true, pop3KeepCopy: false });
    const until = new Date(body.enabledUntil!).getTime();
    expect(until).toBeGreaterThanOrEqual(before + 7 * 86_400_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000);

    const service = app.get(ProtocolAccessService);
    const justBefore = await service.list(user.id, new Date(until - 1));
    expect(justBefore.find((view) => view.protocol === 'POP3')?.effectiveEnabled).toBe(true);
    const later = await service.list(user.id, new Date(until));
    expect(later.find((view) => view.protocol === 'POP3')).toMatchObject({ enabled: true, effectiveEnabled: false });
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const cases = [
      { url: '/api/account/protocols/ftp', payload: { enabled: true }, code: 'VALIDATION_FAILED' },
      { url: '/api/account/protocols/imap', payload: { enabled: true, extra: 1 }, code: 'VALIDATION_FAILED' },
      { url: '/api/account/protocols/imap', payload: { enabled: 'yes' }, code: 'VALIDATION_FAILED' },
      { url: '/api/account/protocols/imap', payload: { enabled: true, duration: '2d' }, code: 'VALIDATION_FAILED' },
      { url: '/api/account/protocols/imap', payload: {}, code: 'VALIDATION_FAILED' },
      {
        url: '/api/account/protocols/imap',
        payload: { enabled: true, pop3KeepCopy: true },
        code: 'POP3_KEEP_COPY_ONLY_FOR_POP3',
      },
    ];
    for (const { url, payload, code } of cases) {
      const response = await app.inject({
        method: 'PUT',
        url,
        cookies: session.cookies,
        headers: session.headers,
        payload,
      });
      expect(response.statusCode, url + JSON.stringify(payload)).toBe(400);
      expect(response.json().code).toBe(code);
    }
    const noCsrf = await app.inject({
      method: 'PUT',
      url: '/api/account/protocols/imap',
      cookies: session.cookies,
      payload: { enabled: false },
    });
    expect(noCsrf.json().code).toBe('CSRF_CHECK_FAILED');
    expect(await state(user.id)).toMatchObject({
      securityVersion: user.securityVersion,
      audits: [],
      notices: [],
      rows: [],
    });
  });

  it('rolls the whole change back when any part of it fails', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const spy = vi.spyOn(app.get(SecurityNoticesService), 'create').mockRejectedValueOnce(new Error('disk full'));
    const response = await app.inject({
      method: 'PUT',
      url: '/api/account/protocols/imap',
      cookies: session.cookies,
      headers: session.headers,
      payload: { enabled: true },
    });
    spy.mockRestore();
    expect(response.statusCode).toBe(500);
    expect(response.json().code).toBe('INTERNAL_ERROR');
    expect(await state(user.id)).toMatchObject({
      securityVersion: user.securityVersion,
      audits: [],
      notices: [],
      rows: [],
    });
  });

  it('marks changes by staff as such in the notice, with their reason', async () => {
    const user = await createUser(prisma, { imap: true });
    const staff = await createUser(prisma, { role: 'SUPPORT' });
    await app.get(ProtocolAccessService).setAccess({
      actor: { userId: staff.id, role: 'SUPPORT' },
      userId: user.id,
      protocol: 'IMAP',
      enabled: false,
      reason: 'Account sends spam',
      meta: null,
    });
    const after = await state(user.id);
    expect(after.notices[0]).toMatchObject({ kind: 'PROTOCOL_DISABLED', byStaff: true, reason: 'Account sends spam' });
    expect(after.audits[0]).toMatchObject({ actorId: staff.id, actorRole: 'SUPPORT', reason: 'Account sends spam' });
  });

  it('only ever shows and changes the signed-in user’s own access', async () => {
    const owner = await createUser(prisma, { imap: true });
    const other = await createUser(prisma);
    const session = await signedInAs(app, other);
    const list = await callOperation(app, protocolAccessOperations.list, { as: session });
    expect(list.protocols[0]).toMatchObject({ protocol: 'IMAP', enabled: false });
    const smuggled = await app.inject({
      method: 'PUT',
      url: '/api/account/protocols/imap',
      cookies: session.cookies,
      headers: session.headers,
      payload: { enabled: false, userId: owner.id },
    });
    expect(smuggled.statusCode).toBe(400);
    const ownerRows = await prisma.protocolAccess.findMany({ where: { userId: owner.id } });
    expect(ownerRows[0]?.enabled).toBe(true);
  });

  it('applies the global default to users who never chose, creating the settings row if missing', async () => {
    const settings = app.get(GlobalSettingsService);
    const stored = await settings.get();
    expect(await prisma.globalSettings.count({ where: { id: 1 } })).toBe(1);
    const imapOnByDefault = { get: async () => ({ ...stored, defaultImapEnabled: true }) } as GlobalSettingsService;
    const service = new ProtocolAccessService(
      prisma,
      imapOnByDefault,
      app.get(AuditService),
      app.get(SecurityNoticesService),
      app.get(SecurityChangeService),
    );
    const user = await createUser(prisma);
    const views = await service.list(user.id);
    expect(views[0]).toMatchObject({ protocol: 'IMAP', enabled: true, effectiveEnabled: true, isDefault: true });
    // Turning the default-on protocol off is a real change: stored, audited, announced.
    await service.setAccess({
      actor: { userId: user.id, role: 'USER' },
      userId: user.id,
      protocol: 'IMAP',
      enabled: false,
      meta: null,
    });
    const after = await state(user.id);
    expect(after.rows).toMatchObject([{ protocol: 'IMAP', enabled: false }]);
    expect(after.audits.map((audit) => audit.action)).toEqual(['protocol_access.disabled']);
  });

  it('documents the account operations in the OpenAPI document', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.paths['/api/account/protocols/{protocol}'].put.responses['403'].description).toContain(
      'STEP_UP_REQUIRED',
    );
    expect(document.paths['/api/account/app-passwords'].post.responses['409'].description).toContain(
      'APP_PASSWORD_LIMIT_REACHED',
    );
    for (const path of [
      '/api/account/protocols',
      '/api/account/app-passwords/{id}',
      '/api/account/app-passwords/revoke-all',
      '/api/account/activity/logins',
      '/api/account/activity/events',
      '/api/account/notices',
      '/api/account/notices/{id}/read',
      '/api/account/notices/read-all',
    ]) {
      expect(document.paths[path], path).toBeDefined();
    }
  });
});
