import { z } from 'zod';

/**
 * Text that is safe to store and show: no NUL bytes or other C0 control characters except
 * tab/newline, and well-formed Unicode (no lone surrogates, which JSON escapes can smuggle in).
 */
export function zSafeText(maxLength: number, options: { multiline?: boolean } = {}) {
  // eslint-disable-next-line no-control-regex
  const forbidden = options.multiline ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
  return z
    .string()
    .max(maxLength)
    .refine((value) => value.isWellFormed(), { message: 'Contains invalid Unicode.' })
    .refine((value) => !forbidden.test(value), { message: 'Contains control characters.' });
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
