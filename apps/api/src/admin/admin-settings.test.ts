import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { callAs, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { PasswordPolicyService } from '../password-policy/password-policy.service.js';
import { ServiceTokensService } from '../service-tokens/service-tokens.service.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { adminServiceTokenOperations, adminSettingsOperations } from '@mailgate/contracts';
import { expectContract } from '../../test/support/contract-client.js';

// Settings and policy are single, global rows: this file uses a database of its own so that
// parallel test files never see its changes.
let app: NestFastifyApplication;
let prisma: PrismaService;
let admin: Caller;

withTestApp((started) => ({ app, prisma } = started), {}, { ownDatabase: true });
beforeAll(async () => {
  admin = await signedInUser(app, 'ADMIN');
});

const settings = {
  defaultImapEnabled: true,
  defaultPop3Enabled: false,
  defaultSmtpEnabled: false,
  requireTlsForProtocols: false,
  allowMainPasswordWithout2fa: false,
  loginAttemptRetentionDays: 30,
  auditRetentionDays: 365,
};

describe('global settings', () => {
  it('reads the defaults (protocols off, TLS required), saves with one audit event and refreshes the cache', async () => {
    const service = app.get(GlobalSettingsService);
    const initial = await callAs(app, admin, 'GET', '/api/admin/settings');
    expect(expectContract(adminSettingsOperations.getGlobalSettings, initial)).toMatchObject({
      defaultImapEnabled: false,
      defaultPop3Enabled: false,
      defaultSmtpEnabled: false,
      requireTlsForProtocols: true,
      allowMainPasswordWithout2fa: true,
    });
    // Warm this instance's cache: the update must not leave it stale.
    expect((await service.get()).requireTlsForProtocols).toBe(true);

    const saved = await callAs(app, admin, 'PUT', '/api/admin/settings', { payload: { ...settings, reason: 'Pilot' } });
    expect(expectContract(adminSettingsOperations.updateGlobalSettings, saved)).toMatchObject(settings);
    expect(await service.get()).toMatchObject(settings);

    const events = await prisma.auditEvent.findMany({ where: { action: 'settings.updated' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: admin.user.id,
      actorRole: 'ADMIN',
      reason: 'Pilot',
      before: expect.objectContaining({ requireTlsForProtocols: true, defaultImapEnabled: false }),
      after: expect.objectContaining({ requireTlsForProtocols: false, defaultImapEnabled: true }),
    });
  });

  it('caches reads briefly and shares one query among concurrent callers', async () => {
    const service = app.get(GlobalSettingsService);
    service.invalidate();
    const [a, b] = await Promise.all([service.get(), service.get()]);
    expect(a).toBe(b);
    // A change made behind its back (another instance) is not seen until the copy expires...
    await prisma.globalSettings.update({ where: { id: 1 }, data: { auditRetentionDays: 400 } });
    expect((await service.get()).auditRetentionDays).not.toBe(400);
    // ...and is seen once it has.
    expect((await service.get(Date.now() + 10_000)).auditRetentionDays).toBe(400);
  });

  it('refuses out-of-range values, missing fields and a missing reason, writing nothing', async () => {
    const before = await prisma.globalSettings.findUniqueOrThrow({ where: { id: 1 } });
    for (const payload of [
      { ...settings },
      { ...settings, auditRetentionDays: 7, reason: 'x' },
      { ...settings, loginAttemptRetentionDays: 0, reason: 'x' },
      { ...settings, requireTlsForProtocols: 'no', reason: 'x' },
      { defaultImapEnabled: true, reason: 'x' },
      { ...settings, reason: 'x', id: 2 },
    ]) {
      const response = await callAs(app, admin, 'PUT', '/api/admin/settings', { payload });
      expect(response.json(), JSON.stringify(payload)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await prisma.globalSettings.findUniqueOrThrow({ where: { id: 1 } })).toEqual(before);
  });
});

describe('password policy editor', () => {
  const policy = {
    minLength: 12,
    maxLength: 256,
    minScore: 4,
    blocklistEnabled: false,
    contextWords: ['Acme', 'acme', 'mailgate'],
  };

  it('saves a new version (the old one stays) and applies it to the next password change', async () => {
    const current = await callAs(app, admin, 'GET', '/api/admin/password-policy');
    expect(current.json()).toMatchObject({ minLength: 15, maxLength: 128, minScore: 3, blocklistEnabled: true });
    const versionBefore = current.json().version as number;
    await app.get(PasswordPolicyService).current(); // warm the cache the portal reads

    const saved = await callAs(app, admin, 'PUT', '/api/admin/password-policy', {
      payload: { ...policy, reason: 'SSO rollout' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ ...policy, contextWords: ['acme', 'mailgate'], version: versionBefore + 1 });
    expect(await app.get(PasswordPolicyService).current()).toMatchObject({ minLength: 12, version: versionBefore + 1 });
    expect(await prisma.passwordPolicy.count()).toBe(versionBefore + 1);

    const events = await prisma.auditEvent.findMany({ where: { action: 'password_policy.updated' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      reason: 'SSO rollout',
      before: expect.objectContaining({ minLength: 15, version: versionBefore }),
      after: expect.objectContaining({ minLength: 12, version: versionBefore + 1 }),
    });
  });

  it('refuses minimums below 8, maximums below 64 (64 must always work), scores outside 0-4', async () => {
    // The ranges meet at 64, so the maximum can never fall below the minimum.
    const edge = await callAs(app, admin, 'PUT', '/api/admin/password-policy', {
      payload: { ...policy, minLength: 64, maxLength: 64, reason: 'x' },
    });
    expect(edge.statusCode).toBe(200);
    const stillCount = await prisma.passwordPolicy.count();
    for (const payload of [
      { ...policy, minLength: 7, reason: 'x' },
      { ...policy, maxLength: 63, reason: 'x' },
      { ...policy, minScore: 5, reason: 'x' },
      { ...policy, contextWords: ['ab'], reason: 'x' },
      { ...policy },
    ]) {
      const response = await callAs(app, admin, 'PUT', '/api/admin/password-policy', { payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(await prisma.passwordPolicy.count()).toBe(stillCount);
  });
});

describe('service tokens for mail servers', () => {
  it('creates a token shown once (step-up), lists it with last use but never the token, and revokes it', async () => {
    const stale = await signedInUser(app, 'ADMIN', { steppedUp: false });
    const refused = await callAs(app, stale, 'POST', '/api/admin/service-tokens', { payload: { name: 'imap-1' } });
    expect(refused.json()).toMatchObject({ status: 403, code: 'STEP_UP_REQUIRED' });

    const created = await callAs(app, admin, 'POST', '/api/admin/service-tokens', { payload: { name: 'imap-1' } });
    const { id, token } = expectContract(adminServiceTokenOperations.createServiceToken, created);
    expect(token.length).toBeGreaterThanOrEqual(40);
    const stored = await prisma.serviceToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);

    expect(await app.get(ServiceTokensService).authenticate(token)).toEqual({ id, name: 'imap-1' });
    const list = await callAs(app, stale, 'GET', '/api/admin/service-tokens');
    expect(list.body).not.toContain(token);
    expect(expectContract(adminServiceTokenOperations.listServiceTokens, list).items).toEqual([
      expect.objectContaining({ id, name: 'imap-1', lastUsedAt: expect.any(String), revokedAt: null }),
    ]);

    const duplicate = await callAs(app, admin, 'POST', '/api/admin/service-tokens', { payload: { name: 'imap-1' } });
    expect(duplicate.json()).toMatchObject({ status: 409, code: 'SERVICE_TOKEN_NAME_TAKEN' });
    for (const name of ['has space', 'Upper', 'under_score', '-lead', 'x'.repeat(64)]) {
      const badName = await callAs(app, admin, 'POST', '/api/admin/service-tokens', { payload: { name } });
      expect(badName.json().code, name).toBe('VALIDATION_FAILED');
    }

    const revoked = await callAs(app, admin, 'POST', `/api/admin/service-tokens/${id}/revoke`);
    expect(revoked.statusCode).toBe(204);
    expect(await app.get(ServiceTokensService).authenticate(token)).toBeNull();
    // Revoking again changes nothing (no second audit event); an unknown id is refused.
    const again = await callAs(app, admin, 'POST', `/api/admin/service-tokens/${id}/revoke`);
    expect(again.statusCode).toBe(204);
    const unknown = await callAs(app, admin, 'POST', `/api/admin/service-tokens/${randomUUID()}/revoke`);
    expect(unknown.json()).toMatchObject({ status: 404, code: 'SERVICE_TOKEN_NOT_FOUND' });

    const events = await prisma.auditEvent.findMany({
      where: { action: { startsWith: 'service_token.' } },
      orderBy: { id: 'asc' },
    });
    expect(events.map((event) => event.action)).toEqual(['service_token.created', 'service_token.revoked']);
    expect(JSON.stringify(events.map((event) => [event.before, event.after]))).not.toContain(token);
  });
});
