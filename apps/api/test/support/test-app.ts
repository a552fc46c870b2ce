import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, type CreateAppOptions } from '../../src/app.factory.js';
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
