// Bench users for the mail-auth benchmark, written with COPY: every user has the same main
// password (one argon2id hash, computed once), IMAP turned on, and one IMAP app password.
import { createHash, randomUUID } from 'node:crypto';
import { copyRows, withClient } from './bench-database.mjs';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const benchEmail = (index) => `bench-${index}@example.test`;

/** A deterministic app password per user, so requests can be built without a lookup. */
export function benchAppSecret(index) {
  const bytes = createHash('sha256').update(`bench-app-password-${index}`).digest();
  return [...bytes.subarray(0, 24)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

export async function seedMailUsers(databaseUrl, { count, passwordHash, keyring, say }) {
  const started = Date.now();
  const ids = Array.from({ length: count }, () => randomUUID());
  const now = new Date().toISOString();
  await withClient(databaseUrl, async (client) => {
    await copyRows(
      client,
      'users',
      ['id', 'email', 'passwordHash', 'updatedAt'],
      (function* () {
        for (let i = 0; i < count; i += 1) yield [ids[i], benchEmail(i), passwordHash, now];
      })(),
    );
    await copyRows(
      client,
      'protocol_access',
      ['userId', 'protocol', 'enabled', 'enabledAt', 'updatedAt'],
      (function* () {
        for (let i = 0; i < count; i += 1) yield [ids[i], 'IMAP', 'true', now, now];
      })(),
    );
    await copyRows(
      client,
      'app_passwords',
      ['id', 'userId', 'name', 'scopes', 'secretHash'],
      (function* () {
        for (let i = 0; i < count; i += 1) {
          yield [randomUUID(), ids[i], 'bench', '{IMAP}', keyring.hash('app-password', benchAppSecret(i))];
        }
      })(),
    );
    await client.query('ANALYZE');
  });
  say(`seeded ${count.toLocaleString('en')} users with COPY in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
