// Bench users for the mail-auth benchmarks, written with COPY: every user has the same main
// password (one argon2id hash, computed once), IMAP turned on, and one IMAP app password.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_PASSWORD_ALPHABET, APP_PASSWORD_LENGTH } from '@mailgate/contracts';
import { ROOT_DIR } from '@mailgate/db';
import { copyRows, withClient } from './bench-database.mjs';

/** The compiled API's own hashing (apps/api/dist, built by `npm run bench`). */
const fromApi = (path) => import(pathToFileURL(join(ROOT_DIR, 'apps/api/dist', path)).href);

/**
 * Fresh secrets for one benchmark run: the API's secret key (pass it to the server), a keyring
 * with it for seeding app-password hashes, a service token, and the API's password hasher.
 */
export async function benchSecrets() {
  const { hashPassword } = await fromApi('auth/password-hasher.js');
  const { SecretKeyring } = await fromApi('infrastructure/common/crypto/secret-keyring.js');
  const secretKey = randomBytes(32).toString('base64url');
  const keyring = new SecretKeyring({
    MAILGATE_SECRET_KEY: secretKey,
    MAILGATE_SECRET_KEY_ID: 'k1',
    MAILGATE_PREVIOUS_SECRET_KEYS: '',
  });
  return { secretKey, keyring, hashPassword, token: `mgt_${randomBytes(32).toString('base64url')}` };
}

export const benchEmail = (index) => `bench-${index}@example.test`;

/** A deterministic app password per user, so requests can be built without a lookup. */
export function benchAppSecret(index) {
  const bytes = createHash('sha256').update(`bench-app-password-${index}`).digest();
  return [...bytes.subarray(0, APP_PASSWORD_LENGTH)]
    .map((byte) => APP_PASSWORD_ALPHABET[byte % APP_PASSWORD_ALPHABET.length])
    .join('');
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
