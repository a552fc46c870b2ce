import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SecretKeyring } from '../../src/infrastructure/common/crypto/secret-keyring.js';
import { PrismaService } from '../../src/infrastructure/database/prisma.service.js';
import { createUser, signedInAs, type CreateUserOptions } from './builders.js';

/**
 * A customer account with something for support to act on: 2FA, IMAP on, an active app password,
 * a live web session and a brute-force lock (as mail-auth would have set it).
 */
export async function createCustomer(
  app: NestFastifyApplication,
  options: Omit<CreateUserOptions, 'keyring' | 'totp' | 'imap'> = {},
) {
  const prisma = app.get(PrismaService);
  const keyring = app.get(SecretKeyring);
  const user = await createUser(prisma, { ...options, totp: true, keyring, imap: true });
  const appPassword = await prisma.appPassword.create({
    data: {
      userId: user.id,
      name: 'Thunderbird',
      scopes: ['IMAP', 'SMTP'],
      secretHash: keyring.hash('app-password', randomUUID()),
    },
  });
  const session = await signedInAs(app, user);
  const lock = await prisma.authLock.create({
    data: {
      scope: 'USER_IP',
      family: 'MAIL',
      userId: user.id,
      clientIp: '203.0.113.7',
      failures: 12,
      lockedUntil: new Date(Date.now() + 10 * 60_000),
    },
  });
  return { user, appPassword, sessionId: session.sessionId, lock };
}

export type Customer = Awaited<ReturnType<typeof createCustomer>>;

/** A passkey row as registration would store it (the key material is never used by staff actions). */
export async function addStoredPasskey(app: NestFastifyApplication, userId: string) {
  const credentialId = randomUUID().replaceAll('-', '');
  return app.get(PrismaService).passkey.create({
    data: {
      userId,
      credentialId,
      publicKey: Buffer.from(credentialId),
      deviceType: 'singleDevice',
      backedUp: false,
      aaguid: '00000000-0000-0000-0000-000000000000',
      name: 'Security key',
    },
  });
}

/** The global settings as a fresh installation has them, for tests that save settings. */
export const DEFAULT_GLOBAL_SETTINGS = {
  defaultImapEnabled: false,
  defaultPop3Enabled: false,
  defaultSmtpEnabled: false,
  requireTlsForProtocols: true,
  allowMainPasswordWithout2fa: true,
  loginAttemptRetentionDays: 90,
  auditRetentionDays: 730,
} as const;
