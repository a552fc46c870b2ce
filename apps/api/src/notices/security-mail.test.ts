import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it } from 'vitest';
import { callAs, signedInUser } from '../../test/support/admin-kit.js';
import { giveRecoveryAddress, outboxMailsTo } from '../../test/support/recovery-kit.js';
import { withTestApp } from '../../test/support/test-app.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { ALWAYS_MAILED_NOTICES, isMailedNotice } from './security-mail.rules.js';

let app: NestFastifyApplication;
let prisma: PrismaService;
withTestApp((started) => ({ app, prisma } = started), { PUBLIC_URL: 'https://mail.example.test' });

const noLink = /https?:\/\/|<a\s|www\./i;

describe('security mail', () => {
  it('a change by staff goes to the mailbox and the recovery address, in German for a German user, text and HTML, no link', async () => {
    const user = await signedInUser(app, 'USER', { imap: false });
    await prisma.user.update({ where: { id: user.user.id }, data: { locale: 'de' } });
    const recovery = await giveRecoveryAddress(app, user.user.id);
    const support = await signedInUser(app, 'SUPPORT');
    const response = await callAs(app, support, 'PUT', `/api/admin/users/${user.user.id}/protocol-access/IMAP`, {
      payload: { enabled: true, reason: 'Kunde bat am Telefon darum' },
    });
    expect(response.statusCode, response.body).toBe(200);

    for (const address of [user.user.email, recovery]) {
      const mails = await outboxMailsTo(app, address);
      expect(
        mails.map((mail) => mail.kind),
        address,
      ).toEqual(['PROTOCOL_ENABLED']);
      const [mail] = mails;
      expect(mail!.language).toBe('de');
      expect(mail!.subject).toBe('Sicherheitshinweis: Der IMAP-Zugriff auf Ihr Postfach wurde eingeschaltet');
      expect(mail!.text).toContain('Angegebener Grund: Kunde bat am Telefon darum');
      expect(mail!.text).toContain('öffnen Sie das Mailgate-Portal selbst');
      expect(mail!.html).toContain('<html lang="de">');
      expect(mail!.html).toContain('Kunde bat am Telefon darum');
      expect(`${mail!.text}${mail!.html}`).not.toMatch(noLink);
    }
  });

  it('a new app password is mailed in English without the secret; closing a door yourself is not mailed', async () => {
    const user = await signedInUser(app, 'USER', { imap: true });
    const created = await callAs(app, user, 'POST', '/api/account/app-passwords', {
      payload: { name: 'Phone', scopes: ['IMAP'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const secret = created.json<{ secret: string }>().secret;
    expect(secret).toBeTruthy();
    const off = await callAs(app, user, 'PUT', '/api/account/protocols/IMAP', { payload: { enabled: false } });
    expect(off.statusCode, off.body).toBe(200);

    const mails = await outboxMailsTo(app, user.user.email);
    expect(mails.map((mail) => mail.kind)).toEqual(['APP_PASSWORD_CREATED']);
    expect(mails[0]).toMatchObject({
      language: 'en',
      subject: 'Security notice: A new app password “Phone” was created',
    });
    for (const form of [secret, secret.replace(/-/g, '')]) {
      expect(`${mails[0]!.text}${mails[0]!.html}`).not.toContain(form);
    }
    expect(`${mails[0]!.text}${mails[0]!.html}`).not.toMatch(noLink);
    // The notices themselves are unchanged: both changes are in the portal.
    const kinds = (await prisma.securityNotice.findMany({ where: { userId: user.user.id } })).map((n) => n.kind).sort();
    expect(kinds).toEqual(['APP_PASSWORD_CREATED', 'PROTOCOL_DISABLED']);
  });

  it('the rule list: openings, credentials, locks and recovery changes always; everything by staff', () => {
    for (const kind of [
      'PROTOCOL_ENABLED',
      'APP_PASSWORD_CREATED',
      'PASSWORD_CHANGED',
      'TOTP_DISABLED',
      'LOGIN_LOCKED',
    ] as const) {
      expect(ALWAYS_MAILED_NOTICES.has(kind), kind).toBe(true);
    }
    expect(isMailedNotice({ kind: 'PROTOCOL_DISABLED', byStaff: false })).toBe(false);
    expect(isMailedNotice({ kind: 'PROTOCOL_DISABLED', byStaff: true })).toBe(true);
    expect(isMailedNotice({ kind: 'RECOVERY_ADDRESS_REMOVED' })).toBe(true);
  });
});
