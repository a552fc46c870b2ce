// Mailgate's outgoing mail through the real stack: the outbox sender submits to Postfix, Postfix
// delivers into Dovecot (LMTP), and a real IMAP client reads the message back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppPassword, createMailUser, setProtocol } from './support/mail-accounts.js';
import { imap } from './support/mail-clients.js';
import { startMailStack, type MailStack } from './support/mail-stack.js';
import { waitFor } from './support/processes.js';

let stack: MailStack;

beforeAll(async () => {
  stack = await startMailStack({ localDelivery: true });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

/** Undoes the transfer encodings nodemailer may use, so assertions see the words as written. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (match) => Buffer.from(match.replace(/=/g, ''), 'hex').toString('utf8'));
}

function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_match, encoding: string, data: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

/** The raw message with this UID, fetched over IMAP (STARTTLS) as a mail program would. */
async function fetchMessage(login: { user: string; password: string; clientIp: string }, uid: number) {
  const result = await imap(stack.target, login, undefined, `INBOX;UID=${uid}`);
  return result.ok ? result.output : null;
}

function subjectOf(raw: string): string {
  const folded = raw.match(/^Subject: (.*(?:\r?\n[ \t].*)*)/m)?.[1] ?? '';
  return decodeHeader(folded.replace(/\r?\n[ \t]/g, ' '));
}

describe('security mail through Postfix into Dovecot', () => {
  it('arrives in the mailbox, in the user’s language, with no secret and no link', async () => {
    const user = await createMailUser(stack.api, 'quartz lantern meadow 2024');
    await stack.api.prisma.user.update({ where: { id: user.id }, data: { locale: 'de' } });
    // Turning IMAP on and creating an app password: both are mailed to the mailbox itself.
    await setProtocol(stack.api, user, 'IMAP', true);
    const secret = await createAppPassword(stack.api, user, ['IMAP']);

    await waitFor(
      async () => (await stack.api.prisma.outboxMail.count({ where: { userId: user.id, status: 'SENT' } })) === 2,
      'both mails to be accepted by Postfix',
      30_000,
    );
    const login = { user: user.email, password: user.password, clientIp: stack.nextClientIp() };
    let messages: string[] = [];
    await waitFor(
      async () => {
        const fetched = await Promise.all([fetchMessage(login, 1), fetchMessage(login, 2)]);
        messages = fetched.filter((message): message is string => message !== null && message.includes('Subject:'));
        return messages.length === 2;
      },
      'both mails in the Dovecot mailbox',
      30_000,
    );

    const subjects = messages.map(subjectOf).sort();
    expect(subjects).toEqual([
      'Sicherheitshinweis: Der IMAP-Zugriff auf Ihr Postfach wurde eingeschaltet',
      'Sicherheitshinweis: Ein neues App-Passwort „e2e IMAP“ wurde angelegt',
    ]);
    for (const raw of messages) {
      expect(raw).toMatch(/^Content-Language: de/m);
      expect(raw).toMatch(/multipart\/alternative/);
      expect(raw).toMatch(/text\/plain/);
      expect(raw).toMatch(/text\/html/);
      const body = decodeQuotedPrintable(raw);
      expect(body).toContain('öffnen Sie das Mailgate-Portal selbst');
      for (const form of [secret, secret.replace(/-/g, '')]) expect(body).not.toContain(form);
      expect(body).not.toMatch(/https?:\/\/|<a\s/i);
    }
  }, 90_000);
});
