// POP3 "keep a copy on the server": Mailgate hands Dovecot the user's pop3_deleted_flag, so a POP3
// client's DELE only hides the message from POP3; without it, DELE removes the message for good.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailUser, type ProtocolSettings } from './support/mail-accounts.js';
import { imap, pop3 } from './support/mail-clients.js';
import { startMailStack, type MailStack } from './support/mail-stack.js';

let stack: MailStack;

beforeAll(async () => {
  stack = await startMailStack();
});

afterAll(async () => {
  await stack?.stop();
});

async function deleteOverPop3(settings: ProtocolSettings) {
  const user = await createMailUser(stack.api, 'correct horse battery staple 9', {
    IMAP: true,
    POP3: true,
    ...settings,
  });
  const login = { user: user.email, password: user.password, clientIp: stack.nextClientIp() };
  await stack.deliver(user.email, 'Keep me?');

  const before = await pop3(stack.target, login);
  expect(before.ok, before.transcript).toBe(true);
  expect(before.output.trim().split('\n')).toHaveLength(1);
  // curl sends DELE 1 and then QUIT, which is when a POP3 server commits deletions.
  const deleted = await pop3(stack.target, login, { verb: 'DELE', message: 1 });
  expect(deleted.ok, deleted.transcript).toBe(true);
  const after = await pop3(stack.target, login);
  expect(after.ok, after.transcript).toBe(true);
  expect(after.output.trim()).toBe('');

  return async (search: string) => {
    const result = await imap(stack.target, login, `SEARCH ${search}`, 'INBOX');
    expect(result.ok, result.transcript).toBe(true);
    return result.output.trim();
  };
}

describe('POP3 DELE', () => {
  it('with "keep a copy" on, hides the message from POP3 only: IMAP still shows it', async () => {
    const searchOverImap = await deleteOverPop3({ keepCopy: true });
    expect(await searchOverImap('ALL')).toBe('* SEARCH 1');
    // Dovecot marked it with the flag Mailgate named, which is how POP3 knows to hide it.
    expect(await searchOverImap('KEYWORD $POP3Deleted')).toBe('* SEARCH 1');
  });

  it('with "keep a copy" off, removes the message for good', async () => {
    const searchOverImap = await deleteOverPop3({ keepCopy: false });
    expect(await searchOverImap('ALL')).toBe('* SEARCH');
  });
});
