import { z } from 'zod';
import { answeredWith, type ErrorCodeDefinition } from './error-codes.js';

// Both the browser and Node have these; the contracts compile against the ES library alone.
declare const atob: (data: string) => string;
declare const btoa: (data: string) => string;

const CURSOR_TEXT = /^[A-Za-z0-9_-]{1,400}$/;

/**
 * A page cursor: base64url of a small JSON object, opaque to clients. The contract decodes it and
 * validates what is inside with `payload` (text without NUL, ids within bigint…), so a forged
 * cursor is refused with `invalid` before any of it reaches SQL; handlers get the decoded value.
 */
export function zCursor<T extends z.ZodType>(payload: T, invalid: ErrorCodeDefinition & { code: string }) {
  return z
    .string()
    .meta({ description: 'The `nextCursor` of the previous page, as given.' })
    .transform((value, context): z.output<T> => {
      const parsed = CURSOR_TEXT.test(value) ? payload.safeParse(decodeJson(value)) : undefined;
      if (parsed?.success) return parsed.data;
      context.addIssue({ code: 'custom', message: 'Invalid cursor.', params: answeredWith(invalid) });
      return z.NEVER;
    });
}

// atob/btoa rather than Buffer: the contracts also run in the browser. `unescape` and `escape`
// convert between UTF-8 bytes and text (decodeURIComponent throws on invalid UTF-8).
export function encodeCursor(value: unknown): string {
  return btoa(unescape(encodeURIComponent(JSON.stringify(value))))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

function decodeJson(value: string): unknown {
  try {
    return JSON.parse(decodeURIComponent(escape(atob(value.replaceAll('-', '+').replaceAll('_', '/')))));
  } catch {
    return undefined;
  }
}

const BIGINT_MAX = 2n ** 63n - 1n;

/** A positive id of a `BIGINT` column as decimal text, within what PostgreSQL's bigint holds. */
export const ZBigintId = z
  .string()
  .regex(/^[1-9][0-9]{0,18}$/, { message: 'Must be a positive whole number.' })
  .transform((value) => BigInt(value))
  .refine((value) => value <= BIGINT_MAX, { message: 'Too large.' });
