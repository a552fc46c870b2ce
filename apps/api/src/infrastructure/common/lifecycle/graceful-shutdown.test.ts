import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../../../../scripts/lib/build.mjs';
import { ROOT } from '../../../../../../scripts/lib/run.mjs';
import { createUser, type BuiltUser } from '../../../../test/support/builders.js';
import { loginBody, mailAuthEnv, TEST_MAIL_TOKEN } from '../../../../test/support/mail-auth-client.js';
import { createTestApp } from '../../../../test/support/test-app.js';
import { testConfig } from '../../../../test/support/test-config.js';
import { PrismaService } from '../../database/prisma.service.js';

/** First logins: each one is an argon2id verification, so a burst keeps the server busy a while. */
const BURST = 48;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A keep-alive connection that asks for /api/ready in two parts: the start of the request before the
 * signal (so the server counts the connection as busy and does not close it as idle), the end after
 * it. What a load balancer's health check on a kept-alive connection sees during the drain.
 */
async function openReadinessRequest(port: number): Promise<{ finish(): Promise<string> }> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const ended = once(socket, 'close');
  socket.write('GET /api/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n');
  return {
    async finish() {
      socket.write('\r\n');
      await ended;
      return received;
    },
  };
}

interface Outcome {
  clientIp: string;
  status?: number;
  decision?: string;
  error?: string;
  answeredAfterSignal: boolean;
}

/**
 * The compiled API (apps/api/dist/main.js, as `npm start` and the container run it) in a child
 * process, stopped with SIGTERM while a burst of mail decisions is being worked through.
 */
describe('SIGTERM under load', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let users: BuiltUser[];
  let child: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    await buildApi();
    app = await createTestApp();
    prisma = app.get(PrismaService);
    users = await Promise.all(Array.from({ length: BURST }, () => createUser(prisma, { imap: true })));
  }, 240_000);
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await app?.close();
  });

  it('answers every decision in flight and writes each answered one to login_attempts before exiting', async () => {
    const port = await freePort();
    const config = testConfig();
    child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...mailAuthEnv(),
        NODE_ENV: 'production',
        DATABASE_URL: config.DATABASE_URL,
        MAILGATE_SECRET_KEY: config.MAILGATE_SECRET_KEY,
        MIGRATE_ON_START: 'false',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'info',
        // "incoming request" lines tell the test that the server has received every request.
        LOG_REQUESTS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    const base = `http://127.0.0.1:${port}`;
    for (
      let attempt = 0;
      !(await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
      attempt += 1
    ) {
      if (attempt > 300 || child.exitCode !== null) throw new Error(`the API did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const readinessCheck = await openReadinessRequest(port);
    let signalled = false;
    // Half right, half wrong passwords: allow and deny both have to be recorded.
    const requests = users.map(async (user, index): Promise<Outcome> => {
      const body = loginBody(user, index % 2 === 0 ? {} : { password: `${user.password}-wrong` });
      try {
        const response = await fetch(`${base}/api/mail/v1/auth`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_MAIL_TOKEN}` },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        const decision = response.ok ? (JSON.parse(text) as { decision: string }).decision : undefined;
        return { clientIp: body.clientIp, status: response.status, decision, answeredAfterSignal: signalled };
      } catch (error) {
        return { clientIp: body.clientIp, error: String(error), answeredAfterSignal: signalled };
      }
    });
    // SIGTERM once the server has received the whole burst (a request still in the kernel's accept
    // queue when the listener closes is refused, correctly, and would prove nothing here).
    const received = () => output.split('\n').filter((line) => line.includes('"msg":"incoming request"')).length;
    while (received() < BURST) {
      if (child.exitCode !== null) throw new Error(`the API exited early:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGTERM');
    signalled = true;
    while (!output.includes('"msg":"stopping')) {
      if (child.exitCode !== null) throw new Error(`the API exited before logging the stop:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const readiness = await readinessCheck.finish();
    const outcomes = await Promise.all(requests);
    const [code, exitSignal] = await exited;

    // A graceful stop: the process ended by itself, after saying so.
    expect({ code, exitSignal }, output).toEqual({ code: 0, exitSignal: null });
    expect(output).toContain('stopped');
    // Once the drain began, readiness said so: load balancers stop sending new work.
    expect(readiness).toMatch(/^HTTP\/1\.1 503 /);
    expect(readiness.toLowerCase()).toContain('connection: close');
    expect(JSON.parse(readiness.slice(readiness.indexOf('\r\n\r\n') + 4))).toEqual({ status: 'draining', checks: [] });
    const answered = outcomes.filter((outcome) => outcome.status === 200);
    // The scenario happened: decisions were still being worked on when the signal came...
    expect(answered.filter((outcome) => outcome.answeredAfterSignal).length).toBeGreaterThan(0);
    // ...and none of them was cut off: nothing in flight failed or turned into a tempfail.
    expect(outcomes.filter((outcome) => outcome.error !== undefined || outcome.status !== 200)).toEqual([]);
    expect(new Set(answered.map((outcome) => outcome.decision))).toEqual(new Set(['allow', 'deny']));

    const rows = await prisma.loginAttempt.findMany({
      where: { clientIp: { in: outcomes.map((outcome) => outcome.clientIp) } },
      select: { clientIp: true, result: true },
    });
    expect(rows.map((row) => `${row.clientIp} ${row.result}`).sort()).toEqual(
      answered.map((outcome) => `${outcome.clientIp} ${outcome.decision?.toUpperCase()}`).sort(),
    );
    // A busy two-core machine needs a while for this many argon2id verifications; nothing is timed.
  }, 120_000);
});
