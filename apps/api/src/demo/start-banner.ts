import { isIP } from 'node:net';
import { DEMO_ACCOUNTS } from './demo-accounts.js';

export interface ListenAddress {
  host: string;
  port: number;
}

/** True when only this machine can connect (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/** Where a browser on this machine reaches the server, and in words where it listens. */
export function describeListenAddress({ host, port }: ListenAddress): { url: string; scope: string } {
  const everywhere = host === '0.0.0.0' || host === '::';
  const urlHost = everywhere ? 'localhost' : isIP(host) === 6 ? `[${host}]` : host;
  const scope = everywhere
    ? `all interfaces (HOST=${host}): reachable from other machines`
    : isLoopback(host)
      ? `${host} only: reachable from this machine only`
      : `${host} (HOST): reachable from wherever that address is`;
  return { url: `http://${urlHost}:${port}`, scope };
}

/**
 * What `npm start` prints on the terminal in demo mode. The demo password is published (README),
 * but it is not repeated here: terminal output ends up in logs, and it is a sign-in secret there.
 */
export function demoBanner(
  address: ListenAddress,
  options: { customPassword: boolean; outboxDir?: string | undefined },
): string {
  const { url, scope } = describeListenAddress(address);
  const lines = [
    '',
    `  Mailgate is running at ${url}`,
    `  Listening on ${scope}.`,
    `  API docs: ${url}/api/docs`,
    '',
    '  Demo mode: these accounts exist for trying Mailgate out, never for real data.',
    ...DEMO_ACCOUNTS.map((account) => `    ${account.email.padEnd(20)} ${account.role.toLowerCase()}`),
    options.customPassword
      ? '  Their password is the one you set in MAILGATE_DEMO_PASSWORD.'
      : '  Their password is in README.md ("Two commands"); set MAILGATE_DEMO_PASSWORD to choose your own.',
  ];
  if (options.outboxDir) lines.push('', `  Outgoing mail (no SMTP_URL): .eml files in ${options.outboxDir}`);
  if (!isLoopback(address.host)) {
    lines.push(
      '',
      '  Warning: other machines can reach this demo, and anyone who has read the README knows the password',
      '  unless MAILGATE_DEMO_PASSWORD is set. Unset HOST to listen on 127.0.0.1 only.',
    );
  }
  lines.push('', '  Press Ctrl-C to stop.', '', '');
  return lines.join('\n');
}
