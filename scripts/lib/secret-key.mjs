import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Embedded/demo mode only: a server secret generated once and kept beside the embedded database
 * (mode 0600), so app passwords, tokens and TOTP seeds stay valid across restarts. Operators
 * running against their own DATABASE_URL must set MAILGATE_SECRET_KEY themselves.
 */
export function loadOrCreateSecretKey(path) {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(48).toString('base64url');
  writeFileSync(path, `${key}\n`, { mode: 0o600 });
  return key;
}
