import argon2 from 'argon2';
import { Injectable } from '@nestjs/common';
import { normalisePassword } from '@mailgate/contracts';

/** OWASP's recommended argon2id parameters (m = 19 MiB, t = 2, p = 1). */
export const ARGON2_PARAMETERS = Object.freeze({
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

/** Hashes a password (NFKC-normalised, never truncated) to an argon2id PHC string. */
export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(normalisePassword(password), ARGON2_PARAMETERS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, normalisePassword(password));
  } catch {
    // A malformed stored hash must read as "wrong password", never as an error that leaks detail.
    return false;
  }
}

/** True when a stored hash was made with other parameters and should be re-hashed at sign-in. */
export function needsRehash(hash: string): boolean {
  return argon2.needsRehash(hash, ARGON2_PARAMETERS);
}

/**
 * The same functions as an injectable, for the web checks that rate limits guard (sign-in,
 * step-up, password change): one instance per app, so tests can count the verifications that
 * really ran.
 */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return verifyPassword(hash, password);
  }

  needsRehash(hash: string): boolean {
    return needsRehash(hash);
  }
}
