// Everything a real-mail-server test needs, started in dependency order and stopped in reverse:
// Mailgate API (fresh database) → Dovecot (deploy/dovecot) → Postfix (deploy/postfix).
// Stop: Postfix first (its smtpd holds Dovecot's SASL socket), then Dovecot, then the API.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startDovecot, type DovecotServer } from './dovecot-server.js';
import { startMailgateApi, type MailgateApi } from './mailgate-api.js';
import type { LoginTarget } from './mail-clients.js';
import { preparePostfix, type PostfixServer } from './postfix-server.js';
import { createSelfSignedCertificate } from '../../../scripts/lib/self-signed-cert.mjs';
import { freePort, requireMailServerPackages } from './processes.js';

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
    };
    const doveadmKey = randomBytes(24).toString('hex');

    const api = await startMailgateApi({
      port: ports.api,
      doveadmUrl: `http://127.0.0.1:${ports.doveadm}/doveadm/v1`,
      doveadmKey,
      ...(options.apiEnv ? { env: options.apiEnv } : {}),
    });
    stoppers.push(() => api.stop());

    // Prepared before Dovecot, which creates its SASL socket in Postfix's queue directory.
    const postfix = preparePostfix({ dir, submissionPort: ports.submission, certFile, keyFile });

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
