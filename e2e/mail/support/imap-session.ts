// A long-lived IMAP session (STARTTLS, AUTHENTICATE PLAIN, SELECT INBOX, IDLE), the way a phone
// keeps one open for push mail, to watch whether the server closes it.
import net from 'node:net';
import tls from 'node:tls';
import type { ClientLogin } from './mail-clients.js';

export interface IdleSession {
  /** Resolves with everything the server sent once the connection is closed. */
  closed: Promise<string>;
  isOpen(): boolean;
  close(): void;
}

export async function openIdleSession(port: number, login: ClientLogin, timeoutMs = 15_000): Promise<IdleSession> {
  const plain = net.connect({ host: '127.0.0.1', port, localAddress: login.clientIp });
  let socket: net.Socket = plain;
  let received = '';
  let pending = '';
  let waiter: { prefix: string; resolve: (line: string) => void } | undefined;
  let open = true;

  const onData = (chunk: Buffer) => {
    received += chunk.toString('utf8');
    pending += chunk.toString('utf8');
    let newline: number;
    while ((newline = pending.indexOf('\r\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 2);
      if (waiter && line.startsWith(waiter.prefix)) {
        const { resolve } = waiter;
        waiter = undefined;
        resolve(line);
      }
    }
  };
  const nextLine = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${prefix}" from the server:\n${received}`)), timeoutMs);
      waiter = {
        prefix,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
    });

  plain.on('data', onData);
  await nextLine('* OK');
  plain.write('a STARTTLS\r\n');
  await nextLine('a OK');
  plain.off('data', onData);
  socket = tls.connect({ socket: plain, rejectUnauthorized: false });
  socket.on('data', onData);
  const closed = new Promise<string>((resolve) => {
    socket.once('close', () => {
      open = false;
      resolve(received);
    });
  });
  socket.on('error', () => undefined);
  const credentials = Buffer.from(`\0${login.user}\0${login.password}`).toString('base64');
  socket.write(`b AUTHENTICATE PLAIN ${credentials}\r\n`);
  const loggedIn = await nextLine('b ');
  if (!loggedIn.startsWith('b OK')) throw new Error(`login refused: ${loggedIn}`);
  socket.write('c SELECT INBOX\r\n');
  await nextLine('c OK');
  socket.write('d IDLE\r\n');
  await nextLine('+ ');

  return { closed, isOpen: () => open, close: () => socket.destroy() };
}
