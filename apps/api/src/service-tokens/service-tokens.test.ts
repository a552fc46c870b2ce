import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { testConfig } from '../../test/support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../../test/db/test-database.js';
import { createUser } from '../../test/support/builders.js';
import { loginBody, mailAuthEnv, postDecision } from '../../test/support/mail-auth-client.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { runMailgateCli } from '../cli/mailgate-cli.command.js';
import { LOCAL_TOKEN_NAME, ServiceTokensService } from './service-tokens.service.js';

const ENV_TOKEN = 'mgt_seeded-from-the-environment-0123456789abcdef';

describe('service tokens', () => {
  // Seeding writes the token named "local": a database of its own keeps other files' token intact.
  let database: TestDatabase;
  let app: NestFastifyApplication;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: inject('databaseServerUrl') });
    app = await createTestApp(mailAuthEnv({ DATABASE_URL: database.url, MAILGATE_MAIL_TOKEN: ENV_TOKEN }));
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('seeds MAILGATE_MAIL_TOKEN as "local", stored hashed, idempotently across restarts', async () => {
    const prisma = app.get(PrismaService);
    const again = await createTestApp(mailAuthEnv({ DATABASE_URL: database.url, MAILGATE_MAIL_TOKEN: ENV_TOKEN }));
    await again.close();
    const rows = await prisma.serviceToken.findMany({ where: { name: LOCAL_TOKEN_NAME } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^k1:[0-9a-f]{64}$/);
    expect(rows[0]!.tokenHash).not.toContain(ENV_TOKEN);
    expect(await prisma.auditEvent.count({ where: { action: 'service_token.created_from_env' } })).toBe(1);
    const user = await createUser(prisma, { imap: true });
    expect((await postDecision(app, loginBody(user), ENV_TOKEN)).statusCode).toBe(200);
  });

  it('records when a token was last used', async () => {
    const prisma = app.get(PrismaService);
    await postDecision(app, loginBody({ email: 'x@example.test', password: 'x' }), ENV_TOKEN);
    await expect
      .poll(async () => (await prisma.serviceToken.findUniqueOrThrow({ where: { name: LOCAL_TOKEN_NAME } })).lastUsedAt)
      .not.toBeNull();
  });

  it('refuses bad names and duplicates', async () => {
    const tokens = app.get(ServiceTokensService);
    const actor = { userId: null, role: 'SYSTEM' } as const;
    await expect(tokens.create({ name: 'Bad Name!', actor, meta: null })).rejects.toMatchObject({
      code: 'SERVICE_TOKEN_NAME_INVALID',
    });
    await tokens.create({ name: 'imap-1', actor, meta: null });
    await expect(tokens.create({ name: 'imap-1', actor, meta: null })).rejects.toMatchObject({
      code: 'SERVICE_TOKEN_NAME_TAKEN',
    });
  });

  it('is managed from the CLI: the token printed once, listed without it, revoked by name', async () => {
    const lines: string[] = [];
    const messages: string[] = [];
    const output = { out: (line: string) => lines.push(line), err: (line: string) => messages.push(line) };
    const config = testConfig({ DATABASE_URL: database.url });
    expect(await runMailgateCli(['token', 'create', 'dovecot-a'], config, output)).toBe(0);
    const token = lines.pop()!;
    expect(token).toMatch(/^mgt_[\w-]{43}$/);
    const user = await createUser(app.get(PrismaService), { imap: true });
    expect((await postDecision(app, loginBody(user), token)).statusCode).toBe(200);

    expect(await runMailgateCli(['token', 'list'], config, output)).toBe(0);
    expect(lines.some((line) => line.startsWith('dovecot-a\t') && line.endsWith('active'))).toBe(true);
    expect(lines.join('\n')).not.toContain(token);

    // The revocation comes from another process: the API hears it over the cluster channel.
    expect(await runMailgateCli(['token', 'revoke', 'dovecot-a'], config, output)).toBe(0);
    await expect.poll(async () => (await postDecision(app, loginBody(user), token)).statusCode).toBe(401);
    expect(await runMailgateCli(['token', 'revoke', 'nope'], config, output)).toBe(1);
    expect(await runMailgateCli(['token'], config, output)).toBe(2);
  });
});
