// When access ends, Dovecot learns it at once, and only what ended is closed: a time limit that
// runs out closes that protocol's idling sessions and cached allows (the expiry job), turning a
// protocol on closes nothing, and turning SMTP on or off leaves IMAP sessions alone. Dovecot's
// auth cache is on, as the worst case for "ended" reaching it.
import { describe, expect, it } from 'vitest';
import { createMailUser, setProtocol, setProtocolUntil } from './support/mail-accounts.js';
import { openIdleSession, type IdleSession } from './support/imap-session.js';
import { imap } from './support/mail-clients.js';
import { mailgateCalls, withMailStack, type MailStack } from './support/mail-stack.js';

let stack: MailStack;

// The API looks for ended time limits every 500 ms (PROTOCOL_EXPIRY_INTERVAL_MS in the harness).
withMailStack((started) => (stack = started), { authCache: true });

/** Resolves with the moment the server closed the session; rejects if it is still open at `deadline`. */
function closedBy(session: IdleSession, deadline: number): Promise<number> {
  return Promise.race([
    session.closed.then(() => Date.now()),
    new Promise<number>((_, reject) =>
      setTimeout(() => reject(new Error('the IMAP session is still open')), Math.max(0, deadline - Date.now())),
    ),
  ]);
}

/** Lets a kick that was sent reach the client's socket before we look. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

describe('a time limit running out', () => {
  it('closes an IDLE session opened before it, and a cached login is refused afterwards', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 21');
    const until = new Date(Date.now() + 20_000);
    await setProtocolUntil(stack.api, user, 'IMAP', until);
    const login = { user: user.email, password: user.password, clientIp: stack.nextClientIp() };

    const session = await openIdleSession(stack.target.imapPort, login);
    try {
      // A second login is answered from Dovecot's cache: only a flush makes the next one ask again.
      expect((await imap(stack.target, login)).ok).toBe(true);
      expect(mailgateCalls(stack, user.email)).toBe(1);

      const closedAt = await closedBy(session, until.getTime() + 6_000);
      expect(closedAt).toBeGreaterThanOrEqual(until.getTime());
      expect(await session.closed).toMatch(/\* BYE/);

      const after = await imap(stack.target, login);
      expect(after.code, after.transcript).toBe(67);
      // Dovecot's log process writes behind the client's answer: read it until the line is there.
      await expect.poll(() => mailgateCalls(stack, user.email)).toBe(2);
      await expect.poll(() => stack.dovecot.log()).toMatch(/decision=deny reason=PROTOCOL_EXPIRED/);
      const notices = await stack.api.prisma.securityNotice.findMany({
        where: { userId: user.id, kind: 'PROTOCOL_ACCESS_EXPIRED' },
      });
      expect(notices).toHaveLength(1);
    } finally {
      session.close();
    }
  });
});

describe('which sessions a change closes', () => {
  it('leaves an IDLE IMAP session open when SMTP is turned on or off, and closes it when IMAP is turned off', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 22', { IMAP: true });
    const session = await openIdleSession(stack.target.imapPort, {
      user: user.email,
      password: user.password,
      clientIp: stack.nextClientIp(),
    });
    try {
      await setProtocol(stack.api, user, 'SMTP', true);
      await settle();
      expect(session.isOpen()).toBe(true);

      await setProtocol(stack.api, user, 'SMTP', false);
      await settle();
      expect(session.isOpen()).toBe(true);

      await setProtocol(stack.api, user, 'IMAP', false);
      await closedBy(session, Date.now() + 10_000);
      expect(await session.closed).toMatch(/\* BYE/);
    } finally {
      session.close();
    }
  });
});
