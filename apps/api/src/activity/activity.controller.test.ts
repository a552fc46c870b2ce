import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs } from '../../test/support/builders.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { AppPasswordsService } from '../app-passwords/app-passwords.service.js';
import { ProtocolAccessService } from '../protocol-access/protocol-access.service.js';
import { AuditService } from '../audit/audit.service.js';
import { safeDetails } from './activity.service.js';
import { activityOperations } from '@mailgate/contracts';
import { callOperation, expectContract, sendOperation } from '../../test/support/contract-client.js';

describe('activity API', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  withTestApp((started) => ({ app, prisma } = started));

  it("lists the user's own recent mail logins, newest first, naming the app password used", async () => {
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const { appPassword } = await app.get(AppPasswordsService).create({
      actor: { userId: user.id, role: 'USER' },
      userId: user.id,
      name: 'Phone',
      scopes: ['IMAP'],
      expiresIn: 'never',
      meta: null,
    });
    const base = Date.now() - 60_000;
    await prisma.loginAttempt.createMany({
      data: [
        {
          userId: user.id,
          loginAsTyped: user.email,
          protocol: 'IMAP',
          clientIp: '203.0.113.7',
          secured: true,
          result: 'ALLOW',
          reasonCode: 'OK',
          credential: 'APP_PASSWORD',
          appPasswordId: appPassword.id,
          createdAt: new Date(base + 2000),
        },
        {
          userId: user.id,
          loginAsTyped: user.email,
          protocol: 'SMTP',
          clientIp: '198.51.100.9',
          result: 'DENY',
          reasonCode: 'PROTOCOL_DISABLED',
          credential: 'PASSWORD',
          createdAt: new Date(base + 1000),
        },
        {
          userId: other.id,
          loginAsTyped: other.email,
          protocol: 'IMAP',
          clientIp: '192.0.2.1',
          result: 'ALLOW',
          reasonCode: 'OK',
          credential: 'PASSWORD',
          createdAt: new Date(base + 3000),
        },
      ],
    });
    const session = await signedInAs(app, user);
    const response = await sendOperation(app, activityOperations.logins, { as: session });
    const { logins } = expectContract(activityOperations.logins, response);
    expect(logins).toHaveLength(2);
    expect(logins[0]).toMatchObject({
      protocol: 'IMAP',
      clientIp: '203.0.113.7',
      secured: true,
      result: 'ALLOW',
      reasonCode: 'OK',
      credential: 'APP_PASSWORD',
      appPasswordName: 'Phone',
      time: new Date(base + 2000).toISOString(),
    });
    expect(logins[1]).toMatchObject({
      protocol: 'SMTP',
      result: 'DENY',
      reasonCode: 'PROTOCOL_DISABLED',
      appPasswordName: null,
    });
    expect(response.body).not.toContain('192.0.2.1');

    const limited = await callOperation(app, activityOperations.logins, { as: session, query: { limit: '1' } });
    expect(limited.logins).toHaveLength(1);
  });

  it('refuses invalid limits and unknown query parameters', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    for (const query of ['limit=0', 'limit=201', 'limit=abc', 'limit=1.5', 'userId=x']) {
      for (const path of ['logins', 'events']) {
        const response = await app.inject({
          method: 'GET',
          url: `/api/account/activity/${path}?${query}`,
          cookies: session.cookies,
        });
        expect(response.statusCode, `${path}?${query}`).toBe(400);
        expect(response.json().code).toBe('VALIDATION_FAILED');
      }
    }
  });

  it("lists the account's security events with who made them, never the raw audit payload", async () => {
    const user = await createUser(prisma);
    const staff = await createUser(prisma, { role: 'SUPPORT' });
    const protocolAccess = app.get(ProtocolAccessService);
    await protocolAccess.setAccess({
      actor: { userId: user.id, role: 'USER' },
      userId: user.id,
      protocol: 'IMAP',
      enabled: true,
      meta: null,
    });
    await protocolAccess.setAccess({
      actor: { userId: staff.id, role: 'SUPPORT' },
      userId: user.id,
      protocol: 'IMAP',
      enabled: false,
      reason: 'Spam wave',
      meta: null,
    });
    await prisma.$transaction((tx) =>
      app.get(AuditService).record(tx, {
        actor: { userId: null, role: 'SYSTEM' },
        targetUserId: user.id,
        action: 'password.changed',
        before: { passwordHash: '$argon2id$secret', name: 'n' },
        after: { secretHash: 'k1:abc', totpSecretEncrypted: 'k1:x:y:z' },
        meta: null,
      }),
    );
    // Someone else's events are not part of this account's history.
    const other = await createUser(prisma, { imap: true });
    await protocolAccess.setAccess({
      actor: { userId: other.id, role: 'USER' },
      userId: other.id,
      protocol: 'IMAP',
      enabled: false,
      meta: null,
    });

    const session = await signedInAs(app, user);
    const response = await sendOperation(app, activityOperations.events, { as: session });
    const { events } = expectContract(activityOperations.events, response);
    expect(events.map((event) => [event.action, event.actorKind])).toEqual([
      ['password.changed', 'system'],
      ['protocol_access.disabled', 'support'],
      ['protocol_access.enabled', 'you'],
    ]);
    expect(events[1]).toMatchObject({ reason: 'Spam wave', details: { protocol: 'IMAP' } });
    expect(events[0]!.details).toEqual({ name: 'n' });
    expect(response.body).not.toMatch(/argon2id|k1:|passwordHash|secretHash|totpSecret|before|after/);
    expect(response.body).not.toContain(staff.id);
  });

  it('keeps only whitelisted, plain detail values', () => {
    expect(
      safeDetails(
        { protocol: 'POP3', secretHash: 'x', nested: { name: 'n' } },
        { scopes: ['IMAP', 'SMTP'], enabledUntil: null, revoked: 3, name: { evil: true } },
      ),
    ).toEqual({ protocol: 'POP3', scopes: 'IMAP, SMTP', enabledUntil: null, revoked: 3 });
    expect(safeDetails(null, ['protocol'])).toEqual({});
  });
});
