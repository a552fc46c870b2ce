// Everything a real-mail-server test needs, started in dependency order and stopped in reverse:
// Mailgate API (fresh database) → Dovecot (deploy/dovecot) → Postfix (deploy/postfix).
// Stop: Postfix first (its smtpd holds Dovecot's SASL socket), then Dovecot, then the API.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startDovecot, type DovecotServer } from './dovecot-server.js';
import { startMailgateApi, type MailgateApi } from './mailgate-api.js';
import type { LoginTarget } from './mail-clients.js';
import { preparePostfix, type PostfixServer } from './postfix-server.js';
import { createSelfSignedCertificate } from '../../../scripts/lib/self-signed-cert.mjs';
import { freePort, requireMailServerPackages, run } from './processes.js';

async function requireLmtp(): Promise<void> {
  if ((await run('test', ['-x', '/usr/lib/dovecot/lmtp'])).code !== 0) {
    throw new Error('The outgoing-mail tests need Dovecot LMTP: apt-get install -y dovecot-lmtpd');
  }
}

export interface MailStack {
  api: MailgateApi;
  dovecot: DovecotServer;
  postfix: PostfixServer;
  target: LoginTarget;
  /** A loopback source address no other test of this run has used. */
  nextClientIp(): string;
  /** Puts a message into the user's INBOX (doveadm save: a userdb lookup through Mailgate). */
  deliver(email: string, subject: string): Promise<void>;
  stop(): Promise<void>;
}

// Each test logs in from its own 127.0.0.x: Dovecot's failure penalty and Mailgate's locks are per
// client address, so one test's failures never slow down or lock another's logins.
let lastClientOctet = 10 + Math.floor(Math.random() * 100);

export interface MailStackOptions {
  authCache?: boolean;
  /** More settings for the Mailgate API of this stack. */
  apiEnv?: Record<string, string>;
  /**
   * Mailgate's outgoing mail goes to this stack's Postfix (SMTP_URL), which delivers mail for
   * example.test into Dovecot over LMTP, to be read back over IMAP. Needs dovecot-lmtpd.
   */
  localDelivery?: boolean;
}

export async function startMailStack(options: MailStackOptions = {}): Promise<MailStack> {
  await requireMailServerPackages();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mailgate-e2e-'));
  // Postfix and the mail store's owner (not root) must be able to reach their folders inside.
  chmodSync(dir, 0o755);
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    const errors: unknown[] = [];
    for (const stopOne of stoppers.reverse()) await stopOne().catch((error: unknown) => errors.push(error));
    stoppers.length = 0;
    rmSync(dir, { recursive: true, force: true });
    if (errors.length > 0) throw new AggregateError(errors, 'stopping the mail stack failed');
  };

  try {
    const { certFile, keyFile } = createSelfSignedCertificate(dir, 'mail.example.test');
    const ports = {
      api: await freePort(),
      imap: await freePort(),
      pop3: await freePort(),
      doveadm: await freePort(),
      submission: await freePort(),
      relay: options.localDelivery ? await freePort() : 0,
    };
    if (options.localDelivery) await requireLmtp();
    const mailEnv: Record<string, string> = options.localDelivery
      ? { SMTP_URL: `smtp://127.0.0.1:${ports.relay}`, MAIL_OUTBOX_INTERVAL_MS: '200', SMTP_TIMEOUT_MS: '5000' }
      : // Without a relay nothing could be sent: no sender polling beside the tests.
        { MAIL_OUTBOX_INTERVAL_MS: '0' };
    const doveadmKey = randomBytes(24).toString('hex');

    const api = await startMailgateApi({
      port: ports.api,
      doveadmUrl: `http://127.0.0.1:${ports.doveadm}/doveadm/v1`,
      doveadmKey,
      env: { ...mailEnv, ...options.apiEnv },
    });
    stoppers.push(() => api.stop());

    // Prepared before Dovecot, which creates its SASL socket in Postfix's queue directory.
    const postfix = preparePostfix({
      dir,
      submissionPort: ports.submission,
      certFile,
      keyFile,
      ...(options.localDelivery ? { relayPort: ports.relay } : {}),
    });

    const dovecot = await startDovecot({
      dir,
      mailgateUrl: api.url,
      serviceToken: api.serviceToken,
      doveadmKey,
      ports: { imap: ports.imap, pop3: ports.pop3, doveadm: ports.doveadm },
      certFile,
      keyFile,
      postfixQueueDir: postfix.queueDir,
      authCache: options.authCache ?? false,
      lmtp: options.localDelivery ?? false,
    });
    stoppers.push(() => dovecot.stop());

    await postfix.start();
    stoppers.push(() => postfix.stop());

    return {
      api,
      dovecot,
      postfix,
      target: { imapPort: ports.imap, pop3Port: ports.pop3, submissionPort: ports.submission },
      nextClientIp: () => `127.0.0.${(lastClientOctet = (lastClientOctet % 250) + 1)}`,
      async deliver(email, subject) {
        const message = `From: sender@example.org\r\nTo: ${email}\r\nSubject: ${subject}\r\n\r\nHello.\r\n`;
        const saved = await dovecot.doveadm(['save', '-u', email, '-m', 'INBOX'], message);
        if (saved.code !== 0) throw new Error(`doveadm save failed (${saved.code}): ${saved.stderr}`);
      },
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** A mail stack for the tests of the enclosing file, started before them and stopped after. */
export function withMailStack(assign: (stack: MailStack) => void, options: MailStackOptions = {}): void {
  let stack: MailStack | undefined;
  beforeAll(async () => {
    stack = await startMailStack(options);
    assign(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });
}

/** How many of this user's logins Dovecot actually asked Mailgate about (the rest came from its cache). */
export function mailgateCalls(stack: MailStack, email: string): number {
  return stack.dovecot
    .log()
    .split('\n')
    .filter((line) => line.includes(`lua(${email},`) && line.includes('mailgate: decision=')).length;
}
