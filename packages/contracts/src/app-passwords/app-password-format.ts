/**
 * The shape of an app password, shared by the API that generates it, mail-auth that verifies it
 * and the SPA that shows it. 24 symbols from a 32-symbol alphabet = 120 bits of entropy. The
 * alphabet leaves out 0, 1, I and O so the secret can be read aloud or typed from a phone.
 */
export const APP_PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const APP_PASSWORD_LENGTH = 24;
export const APP_PASSWORD_GROUP_SIZE = 4;

/**
 * What is hashed and compared: the secret with all whitespace and dashes removed, upper-cased,
 * so a user may type it in any case and with any spacing. Mail-auth normalises the same way.
 */
export function normaliseAppPassword(secret: string): string {
  return secret.replace(/[\s-]+/g, '').toUpperCase();
}

/** `ABCDEFGH…` → `ABCD-EFGH-…`, the form shown to the user once. */
export function formatAppPassword(normalised: string): string {
  const groups = normalised.match(new RegExp(`.{1,${APP_PASSWORD_GROUP_SIZE}}`, 'g')) ?? [];
  return groups.join('-');
}

const SHAPE = new RegExp(`^[${APP_PASSWORD_ALPHABET}]{${APP_PASSWORD_LENGTH}}$`);

/**
 * Whether a (normalised) string could be an app password at all. Mail-auth uses it to skip the
 * app-password lookup for ordinary passwords; it says nothing about validity.
 */
export function looksLikeAppPassword(normalised: string): boolean {
  return SHAPE.test(normalised);
}
