import { randomInt } from 'node:crypto';
import { APP_PASSWORD_ALPHABET, APP_PASSWORD_LENGTH } from '@mailgate/contracts';

/**
 * A new app password in normalised form (24 symbols of 32 = 120 bits). `randomInt` draws from the
 * CSPRNG without modulo bias, so every symbol is equally likely.
 */
export function generateAppPassword(): string {
  let secret = '';
  for (let i = 0; i < APP_PASSWORD_LENGTH; i += 1)
    secret += APP_PASSWORD_ALPHABET[randomInt(APP_PASSWORD_ALPHABET.length)];
  return secret;
}
