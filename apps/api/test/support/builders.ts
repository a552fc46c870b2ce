import { randomBytes, randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import type { Protocol, Role } from '../../src/generated/prisma/enums.js';
import { hashPassword } from '../../src/auth/password-hasher.js';
import { SecretKeyring } from '../../src/common/crypto/secret-keyring.js';

/** The keyring of test-config.ts, so hashes made here match what the test app computes. */
export const testKeyring = new SecretKeyring({
  MAILGATE_SECRET_KEY: 'test-secret-key-0123456789abcdef0123456789',
  MAILGATE_SECRET_KEY_ID: 'k1',
  MAILGATE_PREVIOUS_SECRET_KEYS: '',
});

const APP_PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A protocol's setting: true/false, or the details. Omitted = no stored choice (global default). */
export type ProtocolOption = boolean | { enabled: boolean; enabledUntil?: Date | null; pop3KeepCopy?: boolean };

export interface AppPasswordOption {
  name?: string;
  scopes: readonly Protocol[];
  expiresAt?: Date | null;
  revokedAt?: Date | null;
}

export interface CreateUserOptions {
  role?: Role;
  email?: string;
  password?: string;
  imap?: ProtocolOption;
  pop3?: ProtocolOption;
  smtp?: ProtocolOption;
  totp?: boolean;
  disabled?: boolean;
  appPasswords?: AppPasswordOption[];
}

export interface CreatedUser {
  id: string;
  email: string;
  password: string;
  /** Secrets in the form shown to users (groups of four), in the order given. */
  appPasswords: { id: string; secret: string }[];
}

export function randomEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID().slice(0, 12)}@example.test`;
}

export function randomAppPasswordSecret(): string {
  const bytes = randomBytes(24);
  const symbols = [...bytes].map((byte) => APP_PASSWORD_ALPHABET[byte % APP_PASSWORD_ALPHABET.length]).join('');
  return symbols.match(/.{4}/g)!.join('-');
}

/** A user with random e-mail; every option not given is left at the schema's default. */
export async function createUser(prisma: PrismaClient, options: CreateUserOptions = {}): Promise<CreatedUser> {
  const email = options.email ?? randomEmail();
  const password = options.password ?? `pw-${randomBytes(9).toString('base64url')}`;
  const user = await prisma.user.create({
    data: {
      email,
      role: options.role ?? 'USER',
      passwordHash: await hashPassword(password),
      disabledAt: options.disabled ? new Date() : null,
      totpSecretEncrypted: options.totp ? testKeyring.encrypt('totp-seed', randomBytes(20).toString('hex')) : null,
      totpEnabledAt: options.totp ? new Date() : null,
    },
  });
  const protocols: [Protocol, ProtocolOption | undefined][] = [
    ['IMAP', options.imap],
    ['POP3', options.pop3],
    ['SMTP', options.smtp],
  ];
  for (const [protocol, option] of protocols) {
    if (option === undefined) continue;
    const setting = typeof option === 'boolean' ? { enabled: option } : option;
    await prisma.protocolAccess.create({
      data: {
        userId: user.id,
        protocol,
        enabled: setting.enabled,
        enabledAt: setting.enabled ? new Date() : null,
        enabledUntil: setting.enabledUntil ?? null,
        pop3KeepCopy: setting.pop3KeepCopy ?? true,
      },
    });
  }
  const appPasswords: CreatedUser['appPasswords'] = [];
  for (const [index, option] of (options.appPasswords ?? []).entries()) {
    const secret = randomAppPasswordSecret();
    const created = await prisma.appPassword.create({
      data: {
        userId: user.id,
        name: option.name ?? `device ${index + 1}`,
        scopes: [...option.scopes],
        secretHash: testKeyring.hash('app-password', secret.replace(/[\s-]+/g, '').toUpperCase()),
        expiresAt: option.expiresAt ?? null,
        revokedAt: option.revokedAt ?? null,
      },
    });
    appPasswords.push({ id: created.id, secret });
  }
  return { id: user.id, email, password, appPasswords };
}
