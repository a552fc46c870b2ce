import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db/test-database.js';
import { callAs, signedInUser } from '../../test/support/admin-kit.js';
import { createCustomer } from '../../test/support/admin-fixtures.js';
import { createTestApp } from '../../test/support/test-app.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { MailOutboxService } from './mail-outbox.service.js';
import { OutboxSenderJob, retryDelayMs } from './outbox-sender.job.js';

/** A tiny SMTP relay in the test process: collects every message it accepts. */
class TestRelay {
  readonly messages: string[] = [];
  private server: SMTPServer | null = null;

  async start(port: number): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.messages.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// A database of its own: the sender takes every due mail, so other files' mails must not be here.
let database: TestDatabase;
let port: number;
let relay: TestRelay;
const apps: NestFastifyApplication[] = [];

async function appWith(overrides: Record<string, string> = {}): Promise<NestFastifyApplication> {
  const app = await createTestApp({
    DATABASE_URL: database.url,
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    SMTP_TIMEOUT_MS: '2000',
    MAIL_OUTBOX_RETRY_BASE_MS: '60000',
    ...overrides,
  });
  apps.push(app);
  return app;
}

async function enqueue(app: NestFastifyApplication, count: number, label: string): Promise<void> {
  const outbox = app.get(MailOutboxService);
  await app.get(PrismaService).$transaction(async (tx) => {
    for (let i = 0; i < count; i += 1) {
      await outbox.enqueue(tx, {
        userId: null,
        kind: 'TEST',
        to: `reader-${i}@example.test`,
        subject: `${label} #${i}`,
        text: `body ${i}`,
        html: `<p>body ${i}</p>`,
        language: 'en',
      });
    }
  });
}

/** The backoff has passed: make every waiting mail due now. */
async function backoffPassed(app: NestFastifyApplication): Promise<void> {
  await app
    .get(PrismaService)
    .outboxMail.updateMany({ where: { status: 'PENDING' }, data: { nextAttemptAt: new Date() } });
}

beforeAll(async () => {
  database = await createTestDatabase({ serverUrl: inject('databaseServerUrl') });
  port = await freePort();
});
beforeEach(async () => {
  relay = new TestRelay();
  // Each test starts from an empty outbox (this database is ours alone).
  if (apps[0]) await apps[0].get(PrismaService).outboxMail.deleteMany({});
});
afterAll(async () => {
  await relay?.stop();
  for (const app of apps) await app.close();
  await database?.drop();
});

describe('outbox sender', () => {
  it('SMTP down: the change succeeds, the mail waits with its error, and goes out once the relay is back', async () => {
    const app = await appWith();
    const prisma = app.get(PrismaService);
    const support = await signedInUser(app, 'SUPPORT');
    const customer = await createCustomer(app);
    const change = await callAs(app, support, 'POST', `/api/admin/users/${customer.user.id}/sessions/revoke-all`, {
      payload: { reason: 'Customer reported a lost laptop' },
    });
    expect(change.statusCode, change.body).toBe(200);
    const sender = app.get(OutboxSenderJob);

    expect(await sender.runOnce()).toBe(0);
    const waiting = await prisma.outboxMail.findFirstOrThrow({ where: { userId: customer.user.id } });
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1, kind: 'SESSIONS_REVOKED_ALL' });
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);

    await relay.start(port);
    // Not due yet: the backoff holds it back.
    expect(await sender.runOnce()).toBe(0);
    await backoffPassed(app);
    expect(await sender.runOnce()).toBe(1);
    expect(relay.messages).toHaveLength(1);
    expect(relay.messages[0]).toContain(`To: ${customer.user.email}`);
    expect(relay.messages[0]).toMatch(/Subject: Security notice: You were signed out everywhere/);
    const sent = await prisma.outboxMail.findFirstOrThrow({ where: { userId: customer.user.id } });
    expect(sent).toMatchObject({ status: 'SENT', textBody: '', htmlBody: '', lastError: null });
    expect(await sender.runOnce()).toBe(0);
    expect(relay.messages).toHaveLength(1);
    await relay.stop();
  });

  it('two instances sending at once deliver every mail exactly once', async () => {
    const first = await appWith();
    const second = await appWith();
    await relay.start(port);
    await enqueue(first, 60, 'parallel');
    const [a, b, c, d] = await Promise.all([
      first.get(OutboxSenderJob).runOnce(),
      second.get(OutboxSenderJob).runOnce(),
      first.get(OutboxSenderJob).runOnce(),
      second.get(OutboxSenderJob).runOnce(),
    ]);
    expect(a + b + c + d).toBe(60);
    const subjects = relay.messages.map((message) => message.match(/^Subject: (.*)$/m)?.[1]);
    expect(subjects).toHaveLength(60);
    expect(new Set(subjects).size).toBe(60);
    expect(await first.get(PrismaService).outboxMail.count({ where: { status: { not: 'SENT' } } })).toBe(0);
    await relay.stop();
  });

  it('gives up after MAIL_OUTBOX_MAX_ATTEMPTS and shows the failure to staff, without the body', async () => {
    const app = await appWith({ MAIL_OUTBOX_MAX_ATTEMPTS: '2' });
    await enqueue(app, 1, 'doomed');
    const sender = app.get(OutboxSenderJob);
    await sender.runOnce();
    await backoffPassed(app);
    await sender.runOnce();
    const row = await app.get(PrismaService).outboxMail.findFirstOrThrow({ where: { subject: 'doomed #0' } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 2 });
    await backoffPassed(app);
    expect(await sender.runOnce()).toBe(0);

    const support = await signedInUser(app, 'SUPPORT');
    const view = await callAs(app, support, 'GET', '/api/admin/mail-outbox');
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      destination: 'smtp',
      failed: 1,
      failures: [{ subject: 'doomed #0', to: 'r•••@example.test', status: 'FAILED', attempts: 2 }],
    });
    expect(view.body).not.toContain('body 0');
  });

  it('retries with a doubling delay, at most an hour', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(30_000, attempt))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30_000, 20)).toBe(60 * 60_000);
  });

  it('demo mode without SMTP_URL writes each mail as an .eml file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mailgate-outbox-'));
    try {
      const app = await appWith({ SMTP_URL: '', MAILGATE_DEMO: 'true', MAIL_OUTBOX_DIR: dir });
      await enqueue(app, 1, 'demo');
      expect(await app.get(OutboxSenderJob).runOnce()).toBe(1);
      const files = await readdir(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const raw = await readFile(join(dir, files[0]!), 'utf8');
      expect(raw).toContain('Subject: demo #0');
      expect(raw).toContain('Content-Language: en');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
