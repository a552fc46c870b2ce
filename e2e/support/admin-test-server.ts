import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/app.factory.js';
import { PLAIN_COOKIE_NAME } from '../../apps/api/src/auth/session-cookie.js';
import { SessionService } from '../../apps/api/src/auth/session.service.js';
import { PrismaService } from '../../apps/api/src/database/prisma.service.js';
import { testConfig } from '../../apps/api/test/support/test-config.js';

/**
 * The real API (the same createApp as `npm start`) on a free loopback port, serving the built SPA
 * from apps/web/dist. Runs in the test process so tests can prepare rows with Prisma and issue
 * sessions directly.
 */
export interface AdminTestServer {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  readonly prisma: PrismaService;
  /** A new session for the user, as a successful sign-in would create; returns the cookie to set. */
  issueSessionCookie(userId: string): Promise<{ name: string; value: string; url: string }>;
  close(): Promise<void>;
}

export async function startAdminTestServer(): Promise<AdminTestServer> {
  const app = await createApp(testConfig());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const sessions = app.get(SessionService);
  return {
    app,
    baseUrl,
    prisma: app.get(PrismaService),
    async issueSessionCookie(userId) {
      const { token } = await sessions.issue(userId, { ip: '127.0.0.1', requestId: 'e2e', userAgent: 'e2e' });
      return { name: PLAIN_COOKIE_NAME, value: token, url: baseUrl };
    },
    close: () => app.close(),
  };
}
