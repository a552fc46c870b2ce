// A minimal IMAP login load generator: each worker loops connect → STARTTLS → AUTHENTICATE PLAIN
// → LOGOUT for the given time. It does what a mail client does when it (re)connects, and nothing
// else, so the same client can be pointed at any Dovecot configuration.
import net from 'node:net';
import tls from 'node:tls';

/** Resolves with the first line starting with `prefix`; rejects on close or error. */
function waitForLine(socket, state, prefix) {
  return new Promise((resolve, reject) => {
    const check = () => {
      let newline;
      while ((newline = state.buffer.indexOf('\r\n')) >= 0) {
        const line = state.buffer.slice(0, newline);
        state.buffer = state.buffer.slice(newline + 2);
        if (line.startsWith(prefix)) {
          cleanup();
          resolve(line);
          return;
        }
      }
    };
    const onData = (chunk) => {
      state.buffer += chunk.toString('latin1');
      check();
    };
    const onEnd = () => {
      cleanup();
      reject(new Error(`connection closed while waiting for "${prefix}"`));
    };
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('close', onEnd);
      socket.off('error', onEnd);
    };
    socket.on('data', onData);
    socket.once('close', onEnd);
    socket.once('error', onEnd);
    check();
  });
}

/** One login; resolves with the milliseconds from connect to the login's tagged OK. */
export async function imapLogin({ port, user, password }) {
  const started = performance.now();
  const plain = net.connect({ host: '127.0.0.1', port });
  plain.setNoDelay(true);
  let socket = plain;
  try {
    const state = { buffer: '' };
    await waitForLine(plain, state, '* OK');
    plain.write('a STARTTLS\r\n');
    await waitForLine(plain, state, 'a OK');
    socket = tls.connect({ socket: plain, rejectUnauthorized: false, servername: 'localhost' });
    await new Promise((resolve, reject) => {
      socket.once('secureConnect', resolve);
      socket.once('error', reject);
    });
    const tlsState = { buffer: '' };
    const credentials = Buffer.from(`\0${user}\0${password}`).toString('base64');
    socket.write(`b AUTHENTICATE PLAIN ${credentials}\r\n`);
    const reply = await waitForLine(socket, tlsState, 'b ');
    if (!reply.startsWith('b OK')) throw new Error(`login refused: ${reply}`);
    const elapsed = performance.now() - started;
    socket.write('c LOGOUT\r\n');
    await waitForLine(socket, tlsState, 'c OK');
    return elapsed;
  } finally {
    socket.destroy();
    plain.destroy();
  }
}

/**
 * `concurrency` workers log in back to back for `seconds`, cycling through `users`. Returns
 * logins/s, latency percentiles (connect → login OK) and the failures (which must be 0).
 */
export async function measureImapLogins({ port, users, password, concurrency, seconds }) {
  const latencies = [];
  let failures = 0;
  let firstError;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) {
      const user = users[next++ % users.length];
      try {
        latencies.push(await imapLogin({ port, user, password }));
      } catch (error) {
        failures += 1;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return {
    loginsPerSecond: latencies.length / elapsed,
    logins: latencies.length,
    p50: percentile(50),
    p99: percentile(99),
    failures,
    firstError: firstError?.message,
  };
}
