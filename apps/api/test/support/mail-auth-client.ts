import { randomInt, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import type { BuiltUser } from './builders.js';
import { clientIpKey } from '../../src/auth-locks/client-ip.js';
import type { PrismaService } from '../../src/infrastructure/database/prisma.service.js';

/** The same seeded token in every test file, so parallel files agree on the 'local' token. */
export const TEST_MAIL_TOKEN = 'mgt_test-only-mail-server-token-0123456789abcdef';
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Environment for a test app that answers mail logins, with its own Redis key space. */
export function mailAuthEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    MAILGATE_MAIL_TOKEN: TEST_MAIL_TOKEN,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: `test:${randomUUID().slice(0, 8)}:`,
    ...overrides,
  };
}

/** A random client address, so tests never share IP counters. */
export function randomIp(): string {
  return randomInt(2) === 0
    ? `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`
    : `2001:db8:${randomInt(65536).toString(16)}:${randomInt(65536).toString(16)}::${randomInt(1, 65536).toString(16)}`;
}

/**
 * A fresh address that counts as one the user recently logged in from: the only kind of address
 * that is told why a valid credential was refused (see readableRefusal in decision-rules.ts).
 */
export async function familiarIp(prisma: PrismaService, userId: string): Promise<string> {
  const ip = randomIp();
  await prisma.familiarIp.create({ data: { userId, ipKey: clientIpKey(ip)!, lastSuccessAt: new Date() } });
  return ip;
}

export interface LoginBody {
  username: string;
  password: string;
  protocol: 'imap' | 'pop3' | 'smtp';
  clientIp: string;
  secured: boolean;
  [extra: string]: unknown;
}

export function loginBody(user: Pick<BuiltUser, 'email' | 'password'>, overrides: Partial<LoginBody> = {}): LoginBody {
  return {
    username: user.email,
    password: user.password,
    protocol: 'imap',
    clientIp: randomIp(),
    secured: true,
    ...overrides,
  };
}

export function postDecision(
  app: NestFastifyApplication,
  body: unknown,
  token: string | null = TEST_MAIL_TOKEN,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/mail/v1/auth',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });
}

/** The decision body (allow/deny), failing loudly on anything but 200. */
export async function decision(app: NestFastifyApplication, body: unknown): Promise<Record<string, unknown>> {
  const response = await postDecision(app, body);
  if (response.statusCode !== 200) throw new Error(`expected 200, got ${response.statusCode}: ${response.body}`);
  return response.json();
}

/**
 * Where rate-limit counters live, for tests that must hold for both: the shared Redis, and the
 * per-instance fallback an app without REDIS_URL counts in.
 */
export const COUNTER_STORAGES: readonly { storage: string; env: Record<string, string> }[] = [
  { storage: 'Redis', env: { REDIS_URL: TEST_REDIS_URL } },
  { storage: 'the per-instance fallback', env: {} },
];
