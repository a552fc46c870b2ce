// Real mail clients: curl speaks IMAP and POP3 (STARTTLS with --ssl-reqd), swaks speaks SMTP
// with AUTH. Each call binds to a chosen loopback source address (127.0.0.x), because Dovecot
// delays logins per client address after failures, and Mailgate locks per (user, address).
import { run, type RunResult } from './processes.js';

export interface LoginTarget {
  imapPort: number;
  pop3Port: number;
  submissionPort: number;
}

export interface ClientLogin {
  user: string;
  password: string;
  /** Source address, e.g. 127.0.0.23. */
  clientIp: string;
  /** STARTTLS before logging in (default true). */
  tls?: boolean;
}

export interface ClientResult {
  ok: boolean;
  /** curl's or swaks's exit code (curl: 67 = login denied). */
  code: number;
  /** The server's lines, for assertions and for readable failures. */
  transcript: string;
  /** The command's output (listing, fetched data). */
  output: string;
}

function curlArgs(login: ClientLogin, url: string, extra: readonly string[]): string[] {
  return [
    '--silent',
    '--show-error',
    '--verbose',
    '--max-time',
    '30',
    '--interface',
    login.clientIp,
    ...(login.tls === false ? [] : ['--ssl-reqd', '--insecure']),
    '--user',
    `${login.user}:${login.password}`,
    ...extra,
    url,
  ];
}

function toResult(result: RunResult): ClientResult {
  const transcript = result.stderr
    .split('\n')
    .filter((line) => line.startsWith('< ') || line.startsWith('curl:'))
    .join('\n');
  return { ok: result.code === 0, code: result.code, transcript, output: result.stdout };
}

/** Logs in over IMAP and runs one command (default: list the folders). */
export async function imap(
  target: LoginTarget,
  login: ClientLogin,
  command?: string,
  mailbox = '',
): Promise<ClientResult> {
  const url = `imap://127.0.0.1:${target.imapPort}/${mailbox}`;
  return toResult(await run('curl', curlArgs(login, url, command ? ['--request', command] : [])));
}

/**
 * Wrong-password IMAP logins for the user from one address, all at once as a guessing tool sends
 * them (Dovecot's per-address delay grows with each failure, so one by one would take minutes).
 */
export function imapGuesses(
  target: LoginTarget,
  login: Omit<ClientLogin, 'password'>,
  count: number,
): Promise<ClientResult[]> {
  return Promise.all(
    Array.from({ length: count }, (_, index) => imap(target, { ...login, password: `guess number ${index}` })),
  );
}

/** Logs in over POP3 and lists the messages, or runs a command on one message (e.g. DELE 1). */
export async function pop3(
  target: LoginTarget,
  login: ClientLogin,
  command?: { verb: 'DELE' | 'STAT'; message?: number },
): Promise<ClientResult> {
  const path = command?.message ? String(command.message) : '';
  const extra = command ? ['--request', command.verb, ...(command.verb === 'DELE' ? ['--head'] : [])] : [];
  return toResult(await run('curl', curlArgs(login, `pop3://127.0.0.1:${target.pop3Port}/${path}`, extra)));
}

export interface SmtpOptions {
  /** Send MAIL FROM/RCPT TO after AUTH (default: stop after AUTH). */
  from?: string;
}

/**
 * SMTP submission with AUTH PLAIN. `ok` means the server accepted AUTH (235) and, when `from`
 * is given, also MAIL FROM and RCPT TO (the session ends before DATA: nothing is sent).
 */
export async function smtp(target: LoginTarget, login: ClientLogin, options: SmtpOptions = {}): Promise<ClientResult> {
  const args = [
    '--server',
    `127.0.0.1:${target.submissionPort}`,
    '--local-interface',
    login.clientIp,
    '--ehlo',
    'client.example.test',
    '--auth',
    'PLAIN',
    '--auth-user',
    login.user,
    '--auth-password',
    login.password,
    ...(login.tls === false ? [] : ['--tls']),
    ...(options.from
      ? ['--from', options.from, '--to', 'someone@example.org', '--quit-after', 'RCPT']
      : ['--quit-after', 'AUTH']),
    '--timeout',
    '30',
  ];
  const result = await run('swaks', args);
  // swaks reports its own failures (no TLS support, cannot connect) on stderr: keep them in the
  // transcript, or a failed case shows an empty one.
  const transcript = `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => /^(<~|<-|\*\*\*)/.test(line))
    .join('\n');
  const authenticated = /^<[~-] {1,2}235 /m.test(result.stdout);
  const accepted = options.from ? /RCPT TO[^\n]*\n<[~-] {1,2}250 /.test(result.stdout) : true;
  return { ok: result.code === 0 && authenticated && accepted, code: result.code, transcript, output: result.stdout };
}
