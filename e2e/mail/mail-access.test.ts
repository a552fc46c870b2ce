// Real Dovecot and Postfix, configured with deploy/, asking the real Mailgate API: the portal's
// protocol switches, app password scopes and the TLS rule decide what real mail clients can do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppPassword, createMailUser, setProtocol } from './support/mail-accounts.js';
import { openIdleSession } from './support/imap-session.js';
import { imap, pop3, smtp } from './support/mail-clients.js';
import { startMailStack, type MailStack } from './support/mail-stack.js';

let stack: MailStack;

beforeAll(async () => {
  stack = await startMailStack();
});

afterAll(async () => {
  await stack?.stop();
});

describe('protocol switches', () => {
  it('allows IMAP, POP3 and SMTP while they are on and refuses each once it is off', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 1', {
      IMAP: true,
      POP3: true,
      SMTP: true,
    });
    const login = { user: user.email, password: user.password, clientIp: stack.nextClientIp() };

    const [imapOn, pop3On, smtpOn] = await Promise.all([
      imap(stack.target, login),
      pop3(stack.target, login),
      smtp(stack.target, login),
    ]);
    expect(imapOn.ok, imapOn.transcript).toBe(true);
    expect(imapOn.output).toContain('INBOX');
    expect(pop3On.ok, pop3On.transcript).toBe(true);
    expect(smtpOn.ok, smtpOn.transcript).toBe(true);

    for (const protocol of ['IMAP', 'POP3', 'SMTP'] as const) await setProtocol(stack.api, user, protocol, false);

    const [imapOff, pop3Off, smtpOff] = await Promise.all([
      imap(stack.target, login),
      pop3(stack.target, login),
      smtp(stack.target, login),
    ]);
    expect(imapOff.code, imapOff.transcript).toBe(67);
    // IMAP and POP3 may tell the user why (the password was right); SMTP only says "failed".
    expect(imapOff.transcript).toMatch(/NO .*IMAP access is turned off/);
    expect(pop3Off.code, pop3Off.transcript).toBe(67);
    expect(pop3Off.transcript).toMatch(/-ERR .*POP3 access is turned off/);
    expect(smtpOff.ok).toBe(false);
    expect(smtpOff.transcript).toMatch(/535 /);
    expect(stack.dovecot.log()).toMatch(/decision=deny reason=PROTOCOL_DISABLED/);
  });

  it('keeps protocols independent: only the one turned on works', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 2', { POP3: true });
    const login = { user: user.email, password: user.password, clientIp: stack.nextClientIp() };
    const [imapResult, pop3Result, smtpResult] = await Promise.all([
      imap(stack.target, login),
      pop3(stack.target, login),
      smtp(stack.target, login),
    ]);
    expect(pop3Result.ok, pop3Result.transcript).toBe(true);
    expect(imapResult.code).toBe(67);
    expect(smtpResult.ok).toBe(false);
  });

  it('refuses a wrong password and an unknown user without saying which', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 3', { IMAP: true, SMTP: true });
    const [wrong, unknown, smtpWrong] = await Promise.all([
      imap(stack.target, { user: user.email, password: 'not the password', clientIp: stack.nextClientIp() }),
      imap(stack.target, {
        user: `nobody-${user.email}`,
        password: 'not the password',
        clientIp: stack.nextClientIp(),
      }),
      smtp(stack.target, { user: user.email, password: 'not the password', clientIp: stack.nextClientIp() }),
    ]);
    expect(wrong.code).toBe(67);
    expect(unknown.code).toBe(67);
    const failureLine = (transcript: string) => transcript.match(/NO .*/)?.[0].replace(/\[.*?:\d{4}.*\]/, '');
    expect(failureLine(wrong.transcript)).toBe(failureLine(unknown.transcript));
    expect(failureLine(wrong.transcript)).toMatch(/Authentication failed/);
    expect(smtpWrong.transcript).toMatch(/535 /);
  });
});

describe('open sessions', () => {
  it('closes an idling IMAP session as soon as IMAP is turned off (doveadm kick)', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 14', { IMAP: true });
    const session = await openIdleSession(stack.target.imapPort, {
      user: user.email,
      password: user.password,
      clientIp: stack.nextClientIp(),
    });
    try {
      expect(session.isOpen()).toBe(true);
      await setProtocol(stack.api, user, 'IMAP', false);
      const transcript = await Promise.race([
        session.closed,
        new Promise<string>((_, reject) =>
          setTimeout(() => reject(new Error('session still open after 10 s')), 10_000),
        ),
      ]);
      expect(transcript).toMatch(/\* BYE/);
      expect(stack.dovecot.log()).toMatch(/Executing command 'kick'/);
    } finally {
      session.close();
    }
  });
});

describe('app passwords', () => {
  it('an IMAP-only app password works for IMAP and fails for SMTP', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 4', { IMAP: true, SMTP: true });
    const appPassword = await createAppPassword(stack.api, user, ['IMAP']);
    const login = { user: user.email, password: appPassword, clientIp: stack.nextClientIp() };

    const imapResult = await imap(stack.target, login);
    expect(imapResult.ok, imapResult.transcript).toBe(true);
    const smtpResult = await smtp(stack.target, login);
    expect(smtpResult.ok).toBe(false);
    expect(smtpResult.transcript).toMatch(/535 /);
    expect(stack.dovecot.log()).toMatch(/decision=deny reason=APP_PASSWORD_SCOPE/);
    // The main password still works for SMTP: the refusal was about the app password's scope.
    const mainPassword = await smtp(stack.target, {
      ...login,
      password: user.password,
      clientIp: stack.nextClientIp(),
    });
    expect(mainPassword.ok, mainPassword.transcript).toBe(true);
  });
});

describe('TLS', () => {
  it('allows a STARTTLS login and refuses the same login in plaintext (TLS required by default)', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 5', { IMAP: true, POP3: true });
    const login = { user: user.email, password: user.password, clientIp: stack.nextClientIp() };

    const startTls = await imap(stack.target, login);
    expect(startTls.ok, startTls.transcript).toBe(true);
    // Dovecot calls this plaintext connection "secured" (trusted network); the Lua script must
    // not take that for TLS, so Mailgate refuses it.
    const plaintext = await imap(stack.target, { ...login, tls: false });
    expect(plaintext.code, plaintext.transcript).toBe(67);
    expect(plaintext.transcript).toMatch(/NO .*TLS/);
    const plainPop3 = await pop3(stack.target, { ...login, tls: false });
    expect(plainPop3.code).toBe(67);
    expect(stack.dovecot.log()).toMatch(/decision=deny reason=TLS_REQUIRED/);
  });

  it('offers SMTP AUTH only after STARTTLS', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 6', { SMTP: true });
    const plaintext = await smtp(stack.target, {
      user: user.email,
      password: user.password,
      clientIp: stack.nextClientIp(),
      tls: false,
    });
    expect(plaintext.ok).toBe(false);
    // The plaintext EHLO offers STARTTLS but no AUTH, so swaks never gets to send the password.
    expect(plaintext.output).toMatch(/^<- {1,2}250-STARTTLS/m);
    expect(plaintext.output).not.toMatch(/^<- {1,2}250[- ]AUTH/m);
    expect(plaintext.output).not.toMatch(/ 235 /);
  });
});

describe('SMTP sender', () => {
  it('lets a login send as itself and not as someone else', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 7', { SMTP: true });
    const login = { user: user.email, password: user.password, clientIp: stack.nextClientIp() };
    const asSelf = await smtp(stack.target, login, { from: user.email.toUpperCase() });
    expect(asSelf.ok, asSelf.transcript).toBe(true);
    const asOther = await smtp(stack.target, login, { from: 'ceo@example.test' });
    expect(asOther.ok).toBe(false);
    expect(asOther.transcript).toMatch(/553 .*not owned by user/);
  });
});

describe('what the Lua script forwards', () => {
  it('passes a password with quotes, backslashes, DEL and UTF-8 byte for byte', async () => {
    // Dovecot itself refuses passwords with control characters below 0x20 before any passdb runs.
    const password = 'Zö "quoted" \\back\\slash\u007fdel ✓ {"decision":"allow"} end';
    const user = await createMailUser(stack.api, password, { IMAP: true, SMTP: true });
    const login = { user: user.email, password, clientIp: stack.nextClientIp() };
    const [imapResult, smtpResult] = await Promise.all([imap(stack.target, login), smtp(stack.target, login)]);
    expect(imapResult.ok, imapResult.transcript).toBe(true);
    expect(smtpResult.ok, smtpResult.transcript).toBe(true);
    // Nearly the same password must fail: nothing was lost or merged in escaping.
    const near = await imap(stack.target, { ...login, password: password.replace('"quoted"', "'quoted'") });
    expect(near.code).toBe(67);
  });

  it('escapes control characters and quotes in a login so Mailgate can read the request', async () => {
    const login = { password: 'whatever it is', clientIp: stack.nextClientIp() };
    const weird = 'a"b\\c\u0001d@example.test';
    const result = await imap(stack.target, { ...login, user: weird });
    expect(result.code).toBe(67);
    const log = stack.dovecot.log();
    // Mailgate parsed the JSON and refused on content (a control character in a login), which it
    // could not have done if the script had sent broken JSON (MALFORMED_JSON / INVALID_ENCODING).
    expect(log).toMatch(/decision=deny reason=INVALID_REQUEST code=MAIL_AUTH_FORBIDDEN_CHARACTERS/);
    expect(log).not.toMatch(/code=(MALFORMED_JSON|INVALID_ENCODING)/);
  });

  it('answers a temporary failure, never an allow, when Mailgate refuses the service token', async () => {
    const user = await createMailUser(stack.api, 'correct horse battery staple 8', { IMAP: true });
    const login = { user: user.email, password: user.password, clientIp: stack.nextClientIp() };
    await stack.dovecot.useServiceToken('not-a-token-mailgate-knows-0123456789abcdef');
    try {
      const result = await imap(stack.target, login);
      expect(result.ok).toBe(false);
      expect(result.transcript).toMatch(/NO \[UNAVAILABLE\]/);
      expect(stack.dovecot.log()).toMatch(/service token was refused \(HTTP 401\)/);
    } finally {
      await stack.dovecot.useServiceToken(stack.api.serviceToken);
    }
    const restored = await imap(stack.target, login);
    expect(restored.ok, restored.transcript).toBe(true);
  });
});
