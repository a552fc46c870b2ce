// The real Mailgate API, in this process, on a free loopback port, with its own fresh database.
// In-process so tests can change settings through the application's own services.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../../apps/api/src/app.factory.js';
import { loadConfig } from '../../../apps/api/src/infrastructure/config/config.js';
import { PrismaService } from '../../../apps/api/src/infrastructure/database/prisma.service.js';
import { createTestDatabase, type TestDatabase } from '../../../apps/api/test/db/test-database.js';

export interface MailgateApi {
  app: NestFastifyApplication;
  prisma: PrismaService;
  url: string;
  serviceToken: string;
  stop(): Promise<void>;
}

export interface MailgateApiOptions {
  port: number;
  doveadmUrl: string;
  doveadmKey: string;
  /** More API settings (e.g. lower brute-force thresholds for one test file). */
  env?: Record<string, string>;
}

export async function startMailgateApi(options: MailgateApiOptions): Promise<MailgateApi> {
  let database: TestDatabase | undefined = await createTestDatabase();
  let app: NestFastifyApplication | undefined;
  try {
    const serviceToken = randomBytes(32).toString('base64url');
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      MAILGATE_SECRET_KEY: randomBytes(32).toString('base64url'),
      MAILGATE_MAIL_TOKEN: serviceToken,
      DOVEADM_URL: options.doveadmUrl,
      DOVEADM_API_KEY: options.doveadmKey,
      LOG_LEVEL: process.env.E2E_API_LOG_LEVEL ?? 'silent',
      MIGRATE_ON_START: 'false',
      HOST: '127.0.0.1',
      PORT: String(options.port),
      // Time limits in these tests last seconds: look for ended ones often.
      PROTOCOL_EXPIRY_INTERVAL_MS: '500',
      ...options.env,
    });
    app = await createApp(config);
    await app.listen({ port: options.port, host: '127.0.0.1' });
    const started = app;
    return {
      app: started,
      prisma: started.get(PrismaService),
      url: `http://127.0.0.1:${options.port}`,
      serviceToken,
      async stop() {
        // Closing the app flushes the batched login-attempt writer before the database goes.
        await started.close();
        await database?.drop();
        database = undefined;
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.drop();
    throw error;
  }
}
