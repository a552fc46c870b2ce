// Password guessing through a real Dovecot: after repeated failures from one client address the
// (user, address) pair is locked, so even the right password is refused from there, while the
// user's own devices elsewhere keep working.
import { describe, expect, it } from 'vitest';
import { createMailUser } from './support/mail-accounts.js';
import { imapGuesses, imap } from './support/mail-clients.js';
import { withMailStack, type MailStack } from './support/mail-stack.js';

let stack: MailStack;

withMailStack((started) => (stack = started));

describe('brute force over IMAP', () => {
  it('refuses the right password after 20 wrong ones from the same address, not from another', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 10', { IMAP: true });
    const attacker = stack.nextClientIp();
    const owner = stack.nextClientIp();

    // In parallel, as a guessing tool would; Dovecot's own per-address delay grows with each
    // failure it has seen, so sequential guesses would make this test take minutes.
    const guesses = await imapGuesses(stack.target, { user: user.email, clientIp: attacker }, 20);
    expect(guesses.map((guess) => guess.code)).toEqual(Array(20).fill(67));

    const right = await imap(stack.target, { user: user.email, password: user.password, clientIp: attacker });
    expect(right.code, right.transcript).toBe(67);
    // The client learns nothing about the lock; the mail server's log and Mailgate's records do.
    expect(right.transcript).toMatch(/NO \[AUTHENTICATIONFAILED\] Authentication failed/);
    expect(stack.dovecot.log()).toMatch(/decision=deny reason=LOCKED_USER_IP/);

    const elsewhere = await imap(stack.target, { user: user.email, password: user.password, clientIp: owner });
    expect(elsewhere.ok, elsewhere.transcript).toBe(true);
  });
});
