import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createUser } from '../../test/support/builders.js';
import { decision, loginBody, mailAuthEnv } from '../../test/support/mail-auth-client.js';
import { PrismaService } from '../database/prisma.service.js';

describe('mail login decisions: every rule and its reason', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  beforeAll(async () => {
    app = await createTestApp(mailAuthEnv());
    prisma = app.get(PrismaService);
  });
  afterAll(async () => {
    await app.close();
  });

  it('allows the main password for an enabled protocol over TLS, with the canonical user and userdb', async () => {
    const user = await createUser(prisma, { imap: true });
    const answer = await decision(app, loginBody(user, { username: `  ${user.email.toUpperCase()} ` }));
    expect(answer).toEqual({ decision: 'allow', user: user.email, credential: 'password', userdb: {} });
  });
});
