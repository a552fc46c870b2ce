import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../../apps/api/src/app.factory.js';
import { SecretKeyring } from '../../apps/api/src/infrastructure/common/crypto/secret-keyring.js';
import { loadConfig } from '../../apps/api/src/infrastructure/config/config.js';
import { PrismaService } from '../../apps/api/src/infrastructure/database/prisma.service.js';
import { createUser, type BuiltUser, type CreateUserOptions } from '../../apps/api/test/support/builders.js';
import { verifyPassword } from '../../apps/api/src/auth/password-hasher.js';
import { ROOT } from '../../scripts/lib/run.mjs';
import { launchBrowser } from './browser.js';
import '../../apps/api/test/db/provided-context.js';

export const MAIL_SETTINGS = {
  imapHost: 'imap.mail.e2e.test',
  imapPort: 993,
  smtpHost: 'smtp.mail.e2e.test',
  smtpPort: 587,
} as const;

export interface PortalServer {
  readonly baseUrl: string;
  readonly app: NestFastifyApplication;
  readonly prisma: PrismaService;
  /** A user with a random e-mail address (see apps/api/test/support/builders.ts). */
  createUser(options?: Omit<CreateUserOptions, 'keyring'>): Promise<BuiltUser>;
  /**
   * Makes the user's sessions' last confirmation old, as if the step-up window (a few minutes after
   * signing in or confirming) had passed; the next sensitive action then asks again.
   */
  expireStepUp(userId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real application, listening on a free loopback port and serving the built SPA from
 * apps/web/dist, against this run's database (or `databaseUrl`, for a file that changes global
 * rows such as the password policy). One per test file, so files can run in parallel and
 * rate-limit counters (kept in memory without Redis) never leak between them.
 */
export async function startPortalServer(
  options: { databaseUrl?: string; env?: Record<string, string> } = {},
): Promise<PortalServer> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: options.databaseUrl ?? inject('databaseUrl'),
    MAILGATE_SECRET_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    MIGRATE_ON_START: 'false',
    WEB_DIST_DIR: path.join(ROOT, 'apps/web/dist'),
    MAIL_IMAP_HOST: MAIL_SETTINGS.imapHost,
    MAIL_IMAP_PORT: String(MAIL_SETTINGS.imapPort),
    MAIL_SMTP_HOST: MAIL_SETTINGS.smtpHost,
    MAIL_SMTP_PORT: String(MAIL_SETTINGS.smtpPort),
    ...options.env,
    // No relay here: mails stay in the outbox, where tests read the links a user would receive.
    MAIL_OUTBOX_INTERVAL_MS: '0',
  });
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const prisma = app.get(PrismaService);
  const keyring = app.get(SecretKeyring);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    prisma,
    createUser: (options = {}) => createUser(prisma, { ...options, keyring }),
    expireStepUp: async (userId) => {
      await prisma.session.updateMany({ where: { userId }, data: { lastStepUpAt: null } });
    },
    close: () => app.close(),
  };
}

/**
 * A portal server and a browser for the tests of the enclosing file (or describe block), started
 * before them and closed after; `assign` hands both to the test's own variables.
 */
export function withPortal(
  assign: (started: { server: PortalServer; browser: Browser }) => void,
  options: Parameters<typeof startPortalServer>[0] = {},
): void {
  let server: PortalServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startPortalServer(options), launchBrowser()]);
    assign({ server, browser });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Whether the user's stored password is this one (what a page changed, or left alone). */
export async function hasPassword(server: PortalServer, userId: string, password: string): Promise<boolean> {
  const stored = await server.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  return verifyPassword(stored.passwordHash, password);
}
