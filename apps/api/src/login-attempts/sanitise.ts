/** Longest login kept in an attempt record; longer ones are cut (they were refused anyway). */
export const MAX_STORED_LOGIN_LENGTH = 256;

/**
 * Makes text a mail client sent safe for the database and for display: lone surrogates become
 * U+FFFD (PostgreSQL refuses them), NUL and other control characters become U+FFFD too, and the
 * result is bounded. Invalid UTF-8 never gets this far: the JSON parser refuses it.
 */
export function sanitiseForStorage(value: string, maxLength = MAX_STORED_LOGIN_LENGTH): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.toWellFormed().replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
  return cleaned.length > maxLength ? `${cleaned.slice(0, maxLength - 1).toWellFormed()}…` : cleaned;
}
