// Real IMAP logins per second through a real Dovecot: decided by Mailgate (deploy/dovecot/ as
// shipped, Lua passdb → API) vs Dovecot's own passwd-file. Same Dovecot build and site settings,
// same client (STARTTLS + AUTHENTICATE PLAIN + LOGOUT), same concurrency; the two are measured in
// alternating rounds so that load from elsewhere on the machine hits both alike.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { freePort, startApiServer } from './lib/api-server.mjs';
import { createBenchDatabase, startBenchPostgres } from './lib/bench-database.mjs';
import { startBenchDovecot } from './lib/bench-dovecot.mjs';
import { createSelfSignedCertificate } from '../scripts/lib/self-signed-cert.mjs';
import { imapLogin, measureImapLogins } from './lib/imap-load.mjs';
import { benchEmail, benchSecrets, seedMailUsers } from './lib/mail-bench-seed.mjs';

export const title = 'Real Dovecot logins';

const USERS = 200;
const PASSWORD = 'bench-main-password-1';
const CONCURRENCY = 8;
const TARGET_RATIO = 0.8;

export async function run({ say }) {
  if (process.getuid?.() !== 0) throw new Error('this benchmark starts Dovecot, which must run as root');
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const { secretKey, keyring, hashPassword, token } = await benchSecrets();
  const users = Array.from({ length: USERS }, (_, index) => benchEmail(index));

  const cleanups = [];
  const dir = mkdtempSync(join(os.tmpdir(), 'mailgate-bench-dovecot-'));
  chmodSync(dir, 0o755);
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  try {
    const postgres = await startBenchPostgres();
    cleanups.push(() => postgres.stop());
    const database = await createBenchDatabase(postgres.serverUrl);
    cleanups.push(() => database.drop());
    await seedMailUsers(database.url, { count: USERS, passwordHash: await hashPassword(PASSWORD), keyring, say });

    const api = await startApiServer({
      DATABASE_URL: database.url,
      MAILGATE_SECRET_KEY: secretKey,
      MAILGATE_MAIL_TOKEN: token,
    });
    cleanups.push(() => api.stop());

    const { certFile, keyFile } = createSelfSignedCertificate(dir, 'localhost');
    const common = { dir, certFile, keyFile };
    const viaMailgate = await startBenchDovecot({
      ...common,
      name: 'mailgate',
      port: await freePort(),
      flavour: { kind: 'mailgate', url: api.url, token },
    });
    cleanups.push(() => viaMailgate.stop());
    const viaPasswdFile = await startBenchDovecot({
      ...common,
      name: 'passwd-file',
      port: await freePort(),
      flavour: { kind: 'passwd-file', users, password: PASSWORD },
    });
    cleanups.push(() => viaPasswdFile.stop());

    // Every user logs in once through Mailgate first (argon2id), as a mail client would have
    // long before: the measured logins are the repeat logins that dominate a mail server's day.
    say(`warming up: one login per user (${USERS} users)`);
    for (let index = 0; index < USERS; index += 10) {
      await Promise.all(
        users.slice(index, index + 10).map((user) => imapLogin({ port: viaMailgate.port, user, password: PASSWORD })),
      );
    }

    const results = { mailgate: [], passwdFile: [] };
    for (let round = 1; round <= rounds; round += 1) {
      for (const [key, server] of [
        ['passwdFile', viaPasswdFile],
        ['mailgate', viaMailgate],
      ]) {
        const result = await measureImapLogins({
          port: server.port,
          users,
          password: PASSWORD,
          concurrency: CONCURRENCY,
          seconds,
        });
        if (result.failures > 0) throw new Error(`${key}: ${result.failures} logins failed, e.g. ${result.firstError}`);
        say(
          `round ${round} ${key}: ${result.loginsPerSecond.toFixed(1)} logins/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`,
        );
        results[key].push(result);
      }
    }
    return report(results, { seconds, rounds });
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => say(`cleanup failed: ${error.message}`));
  }
}

function report(results, { seconds, rounds }) {
  const mean = (list, field) => list.reduce((sum, item) => sum + item[field], 0) / list.length;
  const row = (label, list) =>
    `| ${label} | ${mean(list, 'loginsPerSecond').toFixed(1)} | ${list.map((r) => r.loginsPerSecond.toFixed(1)).join(' / ')} | ` +
    `${mean(list, 'p50').toFixed(1)} | ${mean(list, 'p99').toFixed(1)} | ${list.reduce((sum, r) => sum + r.logins, 0)} |`;
  const ratio = mean(results.mailgate, 'loginsPerSecond') / mean(results.passwdFile, 'loginsPerSecond');
  const perRound = results.mailgate.map((r, i) =>
    (r.loginsPerSecond / results.passwdFile[i].loginsPerSecond).toFixed(2),
  );
  const dovecot = execFileSync('dovecot', ['--version'], { encoding: 'utf8' }).trim();
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} CPU cores (${cpu}), Dovecot ${dovecot}, Node ${process.version}. One private Dovecot per flavour with the same site settings and certificate; ${CONCURRENCY} concurrent clients, each looping connect → STARTTLS → AUTHENTICATE PLAIN → LOGOUT (a new imap-login and imap process per login, Dovecot's defaults); ${USERS} users cycled; ${rounds} alternating rounds of ${seconds} s; client, Dovecot, API and PostgreSQL share the machine, and other work may run on it: rounds alternate so that such load hits both flavours alike, and the per-round ratios show how noisy the run was. Every user had logged in once before (the repeat logins a mail server mostly sees). Latency is connect → tagged OK of the login. Reproduce with \`npm run bench -- dovecot\` (as root; \`BENCH_SECONDS\`, \`BENCH_ROUNDS\`).

| Decided by | logins/s (mean) | per round | p50 ms | p99 ms | logins |
| --- | ---: | --- | ---: | ---: | ---: |
${row('Dovecot passwd-file, `{PLAIN}` (baseline)', results.passwdFile)}
${row('Mailgate: deploy/dovecot Lua passdb → API', results.mailgate)}

| Ratio (same run) | Measured | Target | |
| --- | ---: | ---: | --- |
| Mailgate logins/s ÷ passwd-file logins/s | ${ratio.toFixed(2)} (rounds: ${perRound.join(', ')}) | ≥ ${TARGET_RATIO} | ${ratio >= TARGET_RATIO ? '✓ met' : '✗ missed'} |

Through Mailgate each login costs one HTTP round trip from Dovecot's auth worker to the API (the userdb fields come with the answer, so there is no second call), where the decision is served from memory and the attempt is recorded in the background. The baseline does no password hashing at all, so the ratio is a lower bound for a passwd-file with real hashes.`;
}
