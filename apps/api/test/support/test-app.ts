import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp, type CreateAppOptions } from '../../src/app.factory.js';
import { AccountEventsService, type AccountChange } from '../../src/account-events/account-events.service.js';
import { SecretKeyring } from '../../src/infrastructure/common/crypto/secret-keyring.js';
import { PrismaService } from '../../src/infrastructure/database/prisma.service.js';
import { createTestDatabase, type TestDatabase } from '../db/test-database.js';
import { testConfig } from './test-config.js';

/** The real application, without a listening port: tests talk to it through Fastify's inject(). */
export async function createTestApp(
  overrides: Record<string, string> = {},
  options: Pick<CreateAppOptions, 'imports'> = {},
): Promise<NestFastifyApplication> {
  const app = await createApp(testConfig(overrides), options);
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** What a test file usually takes from the started app. */
export interface StartedTestApp {
  readonly app: NestFastifyApplication;
  readonly prisma: PrismaService;
  readonly keyring: SecretKeyring;
  /** Every account change the app has published since it started, oldest first. */
  readonly accountChanges: readonly AccountChange[];
}

export interface TestAppOptions extends Pick<CreateAppOptions, 'imports'> {
  /**
   * A database of its own for the file, dropped after it: for tests that change global rows
   * (settings, policy) that parallel test files must never see.
   */
  readonly ownDatabase?: boolean;
}

/**
 * Starts the app before the tests of the enclosing file (or describe block) and closes it after
 * them; `assign` hands the app and its common services to the test's own variables.
 */
export function withTestApp(
  assign: (started: StartedTestApp) => void,
  overrides: Record<string, string> = {},
  { ownDatabase = false, ...options }: TestAppOptions = {},
): void {
  let app: NestFastifyApplication | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (ownDatabase) database = await createTestDatabase({ serverUrl: inject('databaseServerUrl') });
    app = await createTestApp(database ? { ...overrides, DATABASE_URL: database.url } : overrides, options);
    const accountChanges: AccountChange[] = [];
    app.get(AccountEventsService).subscribe((change) => void accountChanges.push(change));
    assign({ app, prisma: app.get(PrismaService), keyring: app.get(SecretKeyring), accountChanges });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });
}
