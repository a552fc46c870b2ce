// Dovecot's auth cache turned on exactly as deploy/dovecot/README.md describes (the opt-in block of
// 90-mailgate-auth.conf). Mailgate flushes it through the doveadm HTTP API on every change, so a
// toggle or a lock still counts at the very next login.
import { describe, expect, it } from 'vitest';
import { createMailUser, setProtocol } from './support/mail-accounts.js';
import { imapGuesses, imap, pop3 } from './support/mail-clients.js';
import { mailgateCalls, withMailStack, type MailStack } from './support/mail-stack.js';

let stack: MailStack;

// A client address is locked after 6 failures across users (default 30), so the IP
// lock test needs few guesses; the other tests each log in from their own address.
const IP_FAILURES = 6;

withMailStack((started) => (stack = started), {
  authCache: true,
  apiEnv: { MAIL_AUTH_IP_FAILURES: String(IP_FAILURES) },
});

/** The user's own IMAP login, with the right password, from this address. */
const rightLogin = (user: { email: string; password: string }, clientIp: string) =>
  imap(stack.target, { user: user.email, password: user.password, clientIp });

describe('with Dovecot auth cache on', () => {
  it('answers repeat logins from the cache, yet a toggle takes effect at the next login', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 11', { IMAP: true });
    const login = { user: user.email, password: user.password, clientIp: stack.nextClientIp() };

    expect((await imap(stack.target, login)).ok).toBe(true);
    expect((await imap(stack.target, login)).ok).toBe(true);
    expect(mailgateCalls(stack, user.email)).toBe(1);

    await setProtocol(stack.api, user, 'IMAP', false);
    const off = await imap(stack.target, login);
    expect(off.code, off.transcript).toBe(67);
    expect(off.transcript).toMatch(/IMAP access is turned off/);
    expect(mailgateCalls(stack, user.email)).toBe(2);

    // Turning access on must flush too: the refusal above was cached like any answer.
    await setProtocol(stack.api, user, 'IMAP', true);
    const on = await imap(stack.target, login);
    expect(on.ok, on.transcript).toBe(true);
    expect(mailgateCalls(stack, user.email)).toBe(3);
  });

  it('keeps the answer of one protocol and TLS state from serving another', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 12', { IMAP: true });
    const login = { user: user.email, password: user.password, clientIp: stack.nextClientIp() };
    expect((await imap(stack.target, login)).ok).toBe(true);

    const overPop3 = await pop3(stack.target, login);
    expect(overPop3.code, overPop3.transcript).toBe(67);
    const plaintext = await imap(stack.target, { ...login, tls: false });
    expect(plaintext.code, plaintext.transcript).toBe(67);
    expect(mailgateCalls(stack, user.email)).toBe(3);
  });

  it('does not let a cached allow bypass a lock set afterwards', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 13', { IMAP: true });
    const owner = stack.nextClientIp();
    const attacker = stack.nextClientIp();
    // The cache key has no client address: this allow would answer the attacker's address too.
    expect((await rightLogin(user, owner)).ok).toBe(true);

    const guesses = await imapGuesses(stack.target, { user: user.email, clientIp: attacker }, 20);
    expect(guesses.every((guess) => guess.code === 67)).toBe(true);

    const right = await rightLogin(user, attacker);
    expect(right.code, right.transcript).toBe(67);
    expect(stack.dovecot.log()).toMatch(/decision=deny reason=LOCKED_USER_IP/);
  });

  it('does not let a cached allow answer a login from an address locked afterwards (IP lock)', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 15', { IMAP: true });
    const owner = stack.nextClientIp();
    const attacker = stack.nextClientIp();
    // Cached without the client address: until flushed, it answers this login from anywhere.
    expect((await rightLogin(user, owner)).ok).toBe(true);
    expect((await rightLogin(user, owner)).ok).toBe(true);
    expect(mailgateCalls(stack, user.email)).toBe(1);

    // Guessing across logins from one address locks that address, among others for this user, who
    // failed from there too (an IP lock spares only users who never failed from the address). The
    // lock's flush names no user; Dovecot 2.3.19 refuses that unless it is sent as an empty list.
    const ownGuess = await imap(stack.target, { user: user.email, password: 'a wrong guess', clientIp: attacker });
    expect(ownGuess.code, ownGuess.transcript).toBe(67);
    const guesses = await Promise.all(
      Array.from({ length: IP_FAILURES }, (_, index) =>
        imap(stack.target, { user: `nobody-${index}-${user.email}`, password: 'a guess', clientIp: attacker }),
      ),
    );
    expect(guesses.every((guess) => guess.code === 67)).toBe(true);
    await expect.poll(() => stack.api.prisma.authLock.count({ where: { scope: 'IP', clientIp: attacker } })).toBe(1);

    const callsBefore = mailgateCalls(stack, user.email);
    const fromLocked = await rightLogin(user, attacker);
    expect(fromLocked.code, fromLocked.transcript).toBe(67);
    // Asked again, not answered from the cached allow (Dovecot's log is written behind the answer).
    await expect.poll(() => mailgateCalls(stack, user.email)).toBe(callsBefore + 1);
    expect(stack.dovecot.log()).toMatch(/decision=deny reason=LOCKED_IP/);
  });
});
