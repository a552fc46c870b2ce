import { z } from 'zod';

/**
 * Text that is safe to store and show: no NUL bytes or other C0 control characters except
 * tab/newline, and well-formed Unicode (no lone surrogates, which JSON escapes can smuggle in).
 */
export function zSafeText(maxLength: number, options: { multiline?: boolean } = {}) {
  return z
    .string()
    .max(maxLength)
    .refine((value) => value.isWellFormed(), { message: 'Contains invalid Unicode.' })
    .refine((value) => !hasControlCharacters(value, options), { message: 'Contains control characters.' });
}

/* eslint-disable no-control-regex */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
/** The same without tab, newline and carriage return, which multi-line text may hold. */
const CONTROL_CHARACTERS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */

/** C0 control characters or DEL: never part of a login, a name or a note people type. */
export function hasControlCharacters(value: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? CONTROL_CHARACTERS_BUT_LINE_BREAKS : CONTROL_CHARACTERS).test(value);
}

/** An e-mail address as users type it; the API normalises it (NFKC, trimmed, lower case). */
export const ZEmail = zSafeText(254)
  .transform((value) => normaliseEmail(value))
  .pipe(z.email({ message: 'Enter a valid e-mail address.' }));

export function normaliseEmail(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

/** Passwords are compared after NFKC normalisation, on the web and for mail logins alike. */
export function normalisePassword(value: string): string {
  return value.normalize('NFKC');
}

/** A password field: bounded so hashing cannot be abused, but never truncated. */
export const ZPasswordInput = zSafeText(1024).refine((value) => value.length > 0, { message: 'Required.' });
