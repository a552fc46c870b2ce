import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

/**
 * Values an attacker sends instead of what a field expects. Each is given as it travels: `raw`
 * is the JSON token for a body (so numbers beyond what JSON.stringify would write survive) and
 * `text` the form used in a path or query string (already percent-encoded where a string cannot
 * carry it, e.g. a lone surrogate).
 */
export interface HostileValue {
  readonly label: string;
  /** JSON text for a body field. */
  readonly raw: string;
  /** Percent-encoded text for a path segment or query value; absent when it has no text form. */
  readonly text?: string;
  /** For a query: send the key twice (an array). */
  readonly repeated?: boolean;
}

const str = (label: string, value: string, text = encodeURIComponent(value)): HostileValue => ({
  label,
  raw: JSON.stringify(value),
  text,
});

export const HOSTILE_VALUES: readonly HostileValue[] = [
  str('NUL', 'a\u0000b'),
  // encodeURIComponent refuses a lone surrogate; these are its UTF-8-style bytes (invalid UTF-8).
  str('lone surrogate', '\uD800', '%ED%A0%80'),
  str('empty', ''),
  str('1e308 as text', '1e308'),
  str('20 digits as text', '99999999999999999999'),
  str('negative as text', '-1'),
  str('zero as text', '0'),
  str('fraction as text', '1.5'),
  str('year 0000', '0000-01-01T00:00:00Z'),
  str('year 0000 with offset', '0000-01-01T00:00:00+01:00'),
  str('year 275760', '+275760-09-13T00:00:00.000Z'),
  str('year 9999 end with offset', '9999-12-31T23:59:59-23:59'),
  str('long text', 'x'.repeat(5000)),
  str('base64url of 20 digits', Buffer.from('99999999999999999999').toString('base64url')),
  str('base64url of 19 digits', Buffer.from('9999999999999999999').toString('base64url')),
  str('base64url JSON with NUL', Buffer.from('{"f":"x","e":"\u0000"}').toString('base64url')),
  str('base64url of invalid UTF-8', Buffer.from([0xed, 0xa0, 0x80]).toString('base64url')),
  str('JSON object as text', '{"a":1}'),
  { label: 'array', raw: '["a","b"]', text: 'a', repeated: true },
  { label: 'object', raw: '{"a":1}' },
  { label: 'null', raw: 'null', text: 'null' },
  { label: 'true', raw: 'true', text: 'true' },
  { label: 'false', raw: 'false', text: 'false' },
  { label: '1e308', raw: '1e308' },
  { label: '20 digits', raw: '99999999999999999999' },
  { label: 'overflow to Infinity', raw: '1e999' },
  { label: 'negative', raw: '-1' },
  { label: 'negative 20 digits', raw: '-99999999999999999999' },
  { label: 'fraction', raw: '0.5' },
];

export interface BaselineIds {
  readonly userId: string;
  readonly email: string;
  readonly appPasswordId: string;
  readonly sessionId: string;
  readonly lockId: string;
  readonly tokenId: string;
}

/**
 * A valid value for each required field of an operation's schema, so that a request differing in one field
 * reaches the code behind validation with only that field hostile. Ids point at real rows where the
 * field name says which; other fields take the first generic candidate their schema accepts.
 */
export function baselineFor(
  schema: z.ZodObject | undefined,
  ids: BaselineIds,
  options: { path: string; textOnly: boolean },
): Record<string, unknown> {
  if (!schema) return {};
  const values: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    // Optional fields stay out: a plausible but wrong value (a cursor, say) would answer for them.
    if (field.safeParse(undefined).success) continue;
    const candidates = [...namedCandidates(key, ids, options.path), ...GENERIC_CANDIDATES].filter(
      (candidate) => !options.textOnly || typeof candidate === 'string',
    );
    const accepted = candidates.find((candidate) => field.safeParse(candidate).success);
    if (accepted !== undefined) values[key] = accepted;
  }
  return values;
}

function namedCandidates(key: string, ids: BaselineIds, path: string): unknown[] {
  switch (key) {
    case 'userId':
      return [ids.userId];
    case 'itemId':
      if (path.includes('/sessions/')) return [ids.sessionId];
      if (path.includes('/locks/')) return [ids.lockId];
      return [ids.appPasswordId];
    case 'tokenId':
      return [ids.tokenId];
    case 'email':
    case 'username':
    case 'q':
      return [ids.email];
    default:
      return [];
  }
}

const GENERIC_CANDIDATES: readonly unknown[] = [
  'IMAP',
  'imap',
  'USER',
  'never',
  'hostile-probe',
  'A reason given by the hostile-input test.',
  '203.0.113.9',
  new Date().toISOString(),
  '20',
  '123456',
  randomUUID(),
  true,
  20,
  ['IMAP'],
];
