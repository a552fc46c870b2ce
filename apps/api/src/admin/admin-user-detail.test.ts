import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { callAs, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import { createCustomer } from '../../test/support/admin-fixtures.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { adminUserOperations } from '@mailgate/contracts';
import { expectContract } from '../../test/support/contract-client.js';

let app: NestFastifyApplication;
let support: Caller;

withTestApp((started) => ({ app } = started));
beforeAll(async () => {
  support = await signedInUser(app, 'SUPPORT');
});

describe('user detail for support', () => {
  it('shows access, app passwords, sessions, 2FA, locks, refused logins with reasons and security events', async () => {
    const customer = await createCustomer(app);
    const prisma = app.get(PrismaService);
    await prisma.recoveryCode.createMany({
      data: [
        { userId: customer.user.id, codeHash: `rc-a-${customer.user.id}` },
        { userId: customer.user.id, codeHash: `rc-b-${customer.user.id}`, usedAt: new Date() },
      ],
    });
    await prisma.loginAttempt.createMany({
      data: [
        {
          userId: customer.user.id,
          loginAsTyped: customer.user.email,
          protocol: 'IMAP',
          clientIp: '203.0.113.7',
          result: 'DENY',
          reasonCode: 'PROTOCOL_DISABLED',
          credential: 'PASSWORD',
          createdAt: new Date(Date.now() - 60_000),
        },
        {
          userId: customer.user.id,
          loginAsTyped: customer.user.email,
          protocol: 'SMTP',
          clientIp: '198.51.100.9',
          secured: true,
          result: 'ALLOW',
          reasonCode: 'OK',
          credential: 'APP_PASSWORD',
          appPasswordId: customer.appPassword.id,
        },
      ],
    });
    await callAs(app, support, 'PUT', `/api/admin/users/${customer.user.id}/protocol-access/IMAP`, {
      payload: { enabled: false, reason: 'Suspicious logins' },
    });

    const response = await callAs(app, support, 'GET', `/api/admin/users/${customer.user.id}`);
    const detail = expectContract(adminUserOperations.getUser, response);
    expect(detail.user).toMatchObject({
      id: customer.user.id,
      email: customer.user.email,
      role: 'USER',
      disabled: false,
    });
    expect(
      detail.protocolAccess.map((entry: { protocol: string; enabled: boolean }) => [entry.protocol, entry.enabled]),
    ).toEqual([
      ['IMAP', false],
      ['POP3', false],
      ['SMTP', false],
    ]);
    expect(detail.appPasswords).toEqual([
      expect.objectContaining({
        id: customer.appPassword.id,
        name: 'Thunderbird',
        scopes: ['IMAP', 'SMTP'],
        status: 'active',
      }),
    ]);
    expect(detail.sessions).toEqual([expect.objectContaining({ id: customer.sessionId, ip: '127.0.0.1' })]);
    expect(detail.twoFactor).toEqual({ enabled: true, enabledAt: expect.any(String), recoveryCodesRemaining: 1 });
    expect(detail.locks).toEqual([
      expect.objectContaining({ id: customer.lock.id, clientIp: '203.0.113.7', failures: 12, scope: 'USER_IP' }),
    ]);
    expect(detail.loginAttempts).toEqual([
      expect.objectContaining({ protocol: 'SMTP', result: 'ALLOW', credential: 'APP_PASSWORD', secured: true }),
      expect.objectContaining({
        protocol: 'IMAP',
        result: 'DENY',
        reasonCode: 'PROTOCOL_DISABLED',
        clientIp: '203.0.113.7',
      }),
    ]);
    expect(detail.securityEvents).toEqual([
      expect.objectContaining({
        action: 'protocol_access.disabled',
        actorRole: 'SUPPORT',
        actorEmail: support.user.email,
        reason: 'Suspicious logins',
      }),
    ]);
    expect(detail.permissions).toEqual({ canAct: true, canChangeRole: false });
  });

  it('never contains a password hash, app-password hash, TOTP seed, recovery code or session token', async () => {
    const customer = await createCustomer(app);
    const prisma = app.get(PrismaService);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: customer.user.id } });
    const appPassword = await prisma.appPassword.findUniqueOrThrow({ where: { id: customer.appPassword.id } });
    const session = await prisma.session.findUniqueOrThrow({ where: { id: customer.sessionId } });
    const response = await callAs(app, support, 'GET', `/api/admin/users/${customer.user.id}`);
    for (const secret of [
      user.passwordHash,
      user.totpSecretEncrypted!,
      customer.user.totpSecret!,
      appPassword.secretHash,
      session.tokenHash,
    ]) {
      expect(response.body).not.toContain(secret);
    }
    expect(response.body).not.toMatch(/passwordHash|secretHash|tokenHash|totpSecret|codeHash/);
  });
});
