// One IMAP login as a mail program makes it (STARTTLS, then LOGIN), classified by Dovecot's
// answer. Cheap enough to keep a steady login load running on a small machine: no process per
// login, unlike curl.
import net from 'node:net';
import tls from 'node:tls';

export type LoginOutcome = 'ok' | 'denied' | 'tempfail' | 'error';

export function imapLogin(
  port: number,
  login: { user: string; password: string; clientIp: string },
  timeoutMs = 20_000,
): Promise<{ outcome: LoginOutcome; line: string }> {
  return new Promise((resolve) => {
    const plain = net.connect({ host: '127.0.0.1', port, localAddress: login.clientIp });
    let socket: net.Socket = plain;
    let buffer = '';
    let stage: 'greeting' | 'starttls' | 'login' = 'greeting';
    let done = false;
    const finish = (outcome: LoginOutcome, line: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.removeAllListeners('data');
      socket.on('error', () => undefined);
      if (!socket.destroyed) socket.end(stage === 'login' ? 'z LOGOUT\r\n' : '');
      resolve({ outcome, line });
    };
    const timer = setTimeout(() => finish('error', `timeout: ${buffer}`), timeoutMs);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\r\n');
      if (stage === 'greeting' && lines.length > 1) {
        stage = 'starttls';
        buffer = '';
        socket.write('s STARTTLS\r\n');
      } else if (stage === 'starttls' && lines.some((line) => line.startsWith('s '))) {
        if (!lines.some((line) => line.startsWith('s OK'))) return finish('error', buffer);
        stage = 'login';
        buffer = '';
        plain.removeListener('data', onData);
        // A self-signed test certificate.
        socket = tls.connect({ socket: plain, rejectUnauthorized: false }, () => {
          socket.write(`a LOGIN "${login.user}" "${login.password}"\r\n`);
        });
        socket.on('data', onData);
        socket.on('error', (error) => finish('error', error.message));
      } else if (stage === 'login') {
        const tagged = lines.find((line) => line.startsWith('a '));
        if (!tagged) return;
        if (tagged.startsWith('a OK')) finish('ok', tagged);
        // Dovecot: [UNAVAILABLE] when the passdb failed (Mailgate tempfail or unreachable),
        // [AUTHENTICATIONFAILED] and others for a refusal.
        else if (tagged.includes('[UNAVAILABLE]')) finish('tempfail', tagged);
        else finish('denied', tagged);
      }
    };
    plain.on('data', onData);
    plain.on('error', (error) => finish('error', error.message));
  });
}
