import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createUser } from '../../test/support/builders.js';
import { mailAuthEnv, TEST_MAIL_TOKEN } from '../../test/support/mail-auth-client.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';

describe('mail-server lookups', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  beforeAll(async () => {
    app = await createTestApp(
      mailAuthEnv({
        MAIL_USERDB_HOME: '/var/vmail/%d/%n',
        MAIL_USERDB_MAIL: 'maildir:~/Maildir',
        MAIL_USERDB_UID: '5000',
      }),
    );
    prisma = app.get(PrismaService);
  });
  afterAll(async () => {
    await app.close();
  });
  const get = (url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${TEST_MAIL_TOKEN}` } });

  it('answers the userdb lookup with the configured fields and the POP3 flag', async () => {
    const user = await createUser(prisma, { pop3: { enabled: false, pop3KeepCopy: true }, disabled: true });
    const [local, domain] = user.email.split('@');
    const response = await get(`/api/mail/v1/users/${encodeURIComponent(user.email.toUpperCase())}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: user.email,
      userdb: {
        home: `/var/vmail/${domain}/${local}`,
        mail: 'maildir:~/Maildir',
        uid: '5000',
        pop3_deleted_flag: '$POP3Deleted',
      },
    });
  });

  it('answers 404 for an unknown user, whatever the path holds', async () => {
    for (const email of ['nobody@example.test', 'not-an-address', '%00']) {
      const response = await get(`/api/mail/v1/users/${encodeURIComponent(email)}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'MAIL_USER_UNKNOWN' });
    }
  });

  it('says whether a protocol is allowed, with the reason', async () => {
    const user = await createUser(prisma, {
      imap: true,
      pop3: { enabled: true, enabledUntil: new Date(Date.now() - 1000) },
    });
    const lookup = async (protocol: string, email = user.email) =>
      (await get(`/api/mail/v1/users/${encodeURIComponent(email)}/protocols/${protocol}`)).json();
    expect(await lookup('imap')).toEqual({ user: user.email, protocol: 'imap', allowed: true, reason: 'OK' });
    expect(await lookup('pop3')).toMatchObject({ allowed: false, reason: 'PROTOCOL_EXPIRED' });
    expect(await lookup('smtp')).toMatchObject({ allowed: false, reason: 'PROTOCOL_DISABLED' });
    expect(await lookup('imap', 'nobody@example.test')).toMatchObject({ allowed: false, reason: 'USER_UNKNOWN' });
    const disabled = await createUser(prisma, { imap: true, disabled: true });
    expect(await lookup('imap', disabled.email)).toMatchObject({ allowed: false, reason: 'ACCOUNT_DISABLED' });
    const bad = await get(`/api/mail/v1/users/${encodeURIComponent(user.email)}/protocols/ftp`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'MAIL_AUTH_UNKNOWN_PROTOCOL' });
  });

  it('lists the mail servers’ API in the OpenAPI document under its own tag and scheme', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.paths['/api/mail/v1/auth'].post.tags).toEqual(['Mail servers']);
    expect(document.paths['/api/mail/v1/auth'].post.security).toEqual([{ mailServerToken: [] }]);
    expect(Object.keys(document.paths).some((path: string) => path.includes('/bench/'))).toBe(false);
  });
});
