// Mail decisions (repeat logins of 100 users, served from the caches) with and without an
// Accept-Encoding header, interleaved, on the compiled API. Response compression must not slow
// them down: run it before and after a change to the HTTP layer and compare.
//   tsc -b apps/api && node bench/decision-compression.mjs   (SECONDS=15 by default)
import { randomBytes } from 'node:crypto';
import { startApiServer } from './lib/api-server.mjs';
import { createBenchDatabase, startBenchPostgres } from './lib/bench-database.mjs';
import { measureInterleaved } from './lib/load.mjs';
import { benchEmail, benchSecrets, seedMailUsers } from './lib/mail-bench-seed.mjs';

const USERS = 100;
const PASSWORD = 'bench-main-password-1';
const { secretKey, keyring, hashPassword, token } = await benchSecrets();
const postgres = await startBenchPostgres();
const database = await createBenchDatabase(postgres.serverUrl);
await seedMailUsers(database.url, {
  count: USERS,
  passwordHash: await hashPassword(PASSWORD),
  keyring,
  say: console.log,
});
const server = await startApiServer({
  DATABASE_URL: database.url,
  MAILGATE_SECRET_KEY: secretKey,
  MAILGATE_MAIL_TOKEN: token,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_KEY_PREFIX: `bench:${randomBytes(4).toString('hex')}:`,
});
try {
  const url = `${server.url}/api/mail/v1/auth`;
  const auth = { authorization: `Bearer ${token}` };
  const login = (index) => ({
    username: benchEmail(index),
    password: PASSWORD,
    protocol: 'imap',
    clientIp: `10.0.0.${index + 1}`,
    secured: true,
  });
  // Warm the verified-credential cache: what is measured is the HTTP path, not argon2id.
  for (let index = 0; index < USERS; index += 1) {
    await fetch(url, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(login(index)),
    });
  }
  const requests = () => {
    let counter = 0;
    return [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(login(counter++ % USERS)) }) }];
  };
  const result = await measureInterleaved(
    {
      'no Accept-Encoding (Dovecot, Postfix)': { url, headers: auth, requests },
      'Accept-Encoding: br, gzip': { url, headers: { ...auth, 'accept-encoding': 'br, gzip' }, requests },
    },
    { seconds: Number(process.env.SECONDS ?? 15), rounds: 3 },
  );
  for (const [name, row] of Object.entries(result)) {
    console.log(
      `${name}: ${Math.round(row.requestsPerSecond)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, non-2xx ${row.non2xx}, errors ${row.errors}`,
    );
  }
} finally {
  await server.stop();
  await database.drop();
  await postgres.stop();
}
