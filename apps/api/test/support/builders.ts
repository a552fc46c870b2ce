import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generate, generateSecret } from 'otplib';
import { formatAppPassword } from '@mailgate/contracts';
import type { Protocol, Role } from '../../src/generated/prisma/enums.js';
import type { User } from '../../src/generated/prisma/client.js';
import { PrismaService } from '../../src/infrastructure/database/prisma.service.js';
import type { SecretKeyring } from '../../src/infrastructure/common/crypto/secret-keyring.js';
import { hashPassword } from '../../src/auth/password-hasher.js';
import { generateAppPassword } from '../../src/app-passwords/app-password-generator.js';
import { PLAIN_COOKIE_NAME } from '../../src/auth/session-cookie.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../src/auth/csrf.js';
import { SessionService } from '../../src/auth/session.service.js';

/** The password of every built user unless a test chooses one. */
export const DEFAULT_TEST_PASSWORD = 'correct-horse-battery-staple-42';

// argon2id takes tens of milliseconds: hash the default password once per test file, not per user.
let defaultHash: Promise<string> | undefined;

/** A protocol's stored choice: on/off, or with its details. Omitted = no row (the global default applies). */
export type ProtocolOption = boolean | { enabled: boolean; enabledUntil?: Date | null; pop3KeepCopy?: boolean };

/** An app password stored directly (any state, also expired or revoked); needs `keyring`. */
export interface AppPasswordOption {
  readonly name?: string;
  readonly scopes: readonly Protocol[];
  readonly expiresAt?: Date | null;
  readonly revokedAt?: Date | null;
}

export interface CreateUserOptions {
  readonly role?: Role;
  readonly email?: string;
  readonly displayName?: string;
  readonly password?: string;
  readonly imap?: ProtocolOption;
  readonly pop3?: ProtocolOption;
  readonly smtp?: ProtocolOption;
  /**
   * 2FA on, with a real encrypted seed (needs `keyring`): a new one, or this base32 secret. The seed
   * is returned as `totpSecret`.
   */
  readonly totp?: true | string;
  /** The app's keyring (`app.get(SecretKeyring)`), so stored hashes and seeds match what it computes. */
  readonly keyring?: SecretKeyring;
  readonly disabled?: boolean;
  readonly appPasswords?: readonly AppPasswordOption[];
}

export type BuiltUser = User & {
  readonly password: string;
  readonly totpSecret: string | null;
  /** Secrets in the form shown to users (`ABCD-EFGH-…`), in the order given. */
  readonly appPasswords: readonly { readonly id: string; readonly secret: string }[];
};

/** A random address in the test domain, for users (or unknown logins) no other test uses. */
export function randomEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID()}@example.test`;
}

/** A user with a random e-mail address, so tests can run in any order and in parallel. */
export async function createUser(prisma: PrismaService, options: CreateUserOptions = {}): Promise<BuiltUser> {
  const password = options.password ?? DEFAULT_TEST_PASSWORD;
  const passwordHash = options.password
    ? await hashPassword(options.password)
    : await (defaultHash ??= hashPassword(DEFAULT_TEST_PASSWORD));
  if ((options.totp || options.appPasswords?.length) && !options.keyring) {
    throw new Error('createUser({ totp / appPasswords }) needs the app keyring to encrypt or hash the secrets');
  }
  const totpSecret = options.totp ? (typeof options.totp === 'string' ? options.totp : generateSecret()) : null;
  const now = new Date();
  const user = await prisma.user.create({
    data: {
      email: options.email ?? randomEmail(),
      displayName: options.displayName ?? 'Test User',
      role: options.role ?? 'USER',
      passwordHash,
      totpSecretEncrypted: totpSecret && options.keyring ? options.keyring.encrypt('totp-seed', totpSecret) : null,
      totpEnabledAt: totpSecret ? now : null,
      disabledAt: options.disabled ? now : null,
      protocolAccess: { create: protocolRows(options, now) },
    },
  });
  const appPasswords: { id: string; secret: string }[] = [];
  for (const [index, option] of (options.appPasswords ?? []).entries()) {
    const secret = generateAppPassword();
    const created = await prisma.appPassword.create({
      data: {
        userId: user.id,
        name: option.name ?? `device ${index + 1}`,
        scopes: [...option.scopes],
        secretHash: options.keyring!.hash('app-password', secret),
        expiresAt: option.expiresAt ?? null,
        revokedAt: option.revokedAt ?? null,
      },
      select: { id: true },
    });
    appPasswords.push({ id: created.id, secret: formatAppPassword(secret) });
  }
  return { ...user, password, totpSecret, appPasswords };
}

function protocolRows(options: CreateUserOptions, now: Date) {
  const chosen: [Protocol, ProtocolOption | undefined][] = [
    ['IMAP', options.imap],
    ['POP3', options.pop3],
    ['SMTP', options.smtp],
  ];
  return chosen.flatMap(([protocol, option]) => {
    if (option === undefined) return [];
    const setting = typeof option === 'boolean' ? { enabled: option } : option;
    return [
      {
        protocol,
        enabled: setting.enabled,
        enabledAt: setting.enabled ? now : null,
        enabledUntil: setting.enabledUntil ?? null,
        ...(setting.pop3KeepCopy === undefined ? {} : { pop3KeepCopy: setting.pop3KeepCopy }),
      },
    ];
  });
}

export interface SignedIn {
  readonly sessionId: string;
  /** Pass as `cookies` to `app.inject`. */
  readonly cookies: Record<string, string>;
  /** The CSRF header every state-changing request needs; pass as `headers`. */
  readonly headers: Record<string, string>;
}

/** A live session for the user, issued by the real SessionService (stepped up unless told otherwise). */
export async function signedInAs(
  app: NestFastifyApplication,
  user: Pick<User, 'id'>,
  options: { steppedUp?: boolean; now?: Date } = {},
): Promise<SignedIn> {
  const issued = await app
    .get(SessionService)
    .issue(
      user.id,
      { ip: '127.0.0.1', requestId: `test-${randomUUID()}`, userAgent: 'vitest' },
      { steppedUp: options.steppedUp ?? true, ...(options.now ? { now: options.now } : {}) },
    );
  return {
    sessionId: issued.sessionId,
    cookies: { [PLAIN_COOKIE_NAME]: issued.token },
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
  };
}

/**
 * A TOTP code for the user's seed that the server has not seen yet: the current step's, or the
 * next step's (still within the ±1 tolerance) when the current one was already used.
 */
export async function freshTotpCode(app: NestFastifyApplication, user: Pick<BuiltUser, 'id' | 'totpSecret'>) {
  if (!user.totpSecret) throw new Error('freshTotpCode needs a user created with { totp }');
  const { totpLastStep } = await app
    .get(PrismaService)
    .user.findUniqueOrThrow({ where: { id: user.id }, select: { totpLastStep: true } });
  const nowSeconds = Math.floor(Date.now() / 1000);
  const step = Math.floor(nowSeconds / 30);
  const epoch = totpLastStep !== null && totpLastStep >= BigInt(step) ? nowSeconds + 30 : nowSeconds;
  return generate({ secret: user.totpSecret, epoch });
}

/**
 * Signs in through the real HTTP endpoints (password, then a TOTP code when 2FA is on), as a
 * browser does; `signedInAs` is the shortcut when the sign-in itself is not under test.
 */
export async function signIn(
  app: NestFastifyApplication,
  user: Pick<BuiltUser, 'id' | 'email' | 'password' | 'totpSecret'>,
  options: { remoteAddress?: string } = {},
): Promise<SignedIn> {
  const headers = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
  const remote = options.remoteAddress ? { remoteAddress: options.remoteAddress } : {};
  let response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers,
    payload: { email: user.email, password: user.password },
    ...remote,
  });
  const status = response.statusCode === 200 ? response.json<{ status: string }>().status : null;
  if (status === 'totp-required' || status === 'second-factor-required') {
    const pending = Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
    response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/totp',
      headers,
      cookies: pending,
      payload: { code: await freshTotpCode(app, user) },
      ...remote,
    });
  }
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const session = response.cookies.find((cookie) => cookie.name === PLAIN_COOKIE_NAME);
  if (!session) throw new Error('sign-in set no session cookie');
  const cookies = { [PLAIN_COOKIE_NAME]: session.value };
  const list = await app.inject({ method: 'GET', url: '/api/auth/sessions', cookies });
  const current = list.json<{ sessions: { id: string; current: boolean }[] }>().sessions.find((s) => s.current);
  if (!current) throw new Error('the new session is not listed as current');
  return { sessionId: current.id, cookies, headers };
}

/** A 6-digit code that is certainly wrong right now (none of the steps within the tolerance). */
export async function wrongTotpCode(secret: string): Promise<string> {
  const nowSeconds = Math.floor(Date.now() / 1000);
  const valid = await Promise.all(
    [-60, -30, 0, 30, 60].map((offset) => generate({ secret, epoch: nowSeconds + offset })),
  );
  return ['000000', '111111', '222222', '333333', '444444', '555555'].find((code) => !valid.includes(code))!;
}
