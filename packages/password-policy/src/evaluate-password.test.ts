import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePassword, evaluatePasswordAsync } from './evaluate-password.js';
import { loadPasswordDictionaries } from './dictionaries.js';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicySettings } from './policy-settings.js';
import { BLOCKLIST_SIZE } from './blocklist/blocklist-data.generated.js';

const anna = { email: 'anna.schmidt@example.org', displayName: 'Anna Schmidt' };
const policy = DEFAULT_PASSWORD_POLICY;
const relaxed: PasswordPolicySettings = { ...policy, minLength: 1, minScore: 0 };

/** 24 random characters from a wide alphabet: strong, and unlike anything in a word list. */
function randomPassword(length: number): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_!?%';
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

beforeAll(async () => {
  await loadPasswordDictionaries();
});

describe('evaluatePassword', () => {
  it('accepts a long random password', () => {
    const result = evaluatePassword(randomPassword(24), policy, anna);
    expect(result).toMatchObject({ ok: true, problems: [], score: 4 });
  });

  it('always accepts 64 random characters under the default policy', () => {
    for (let i = 0; i < 5; i += 1) expect(evaluatePassword(randomPassword(64), policy, anna).ok).toBe(true);
  });

  it('refuses a password longer than the maximum, without truncating it', () => {
    const result = evaluatePassword(randomPassword(129), policy, anna);
    expect(result.problems).toEqual(['PASSWORD_TOO_LONG']);
    expect(result.length).toBe(129);
    expect(evaluatePassword(randomPassword(128), policy, anna).ok).toBe(true);
  });

  it('counts code points after NFKC, not UTF-16 units', () => {
    // 14 emoji are 28 UTF-16 units but 14 characters: one short of the default minimum.
    const emoji = '🦊🐙🦉🐝🦋🐢🦀🐬🦜🐌🦔🐞🦩🐳';
    expect(evaluatePassword(emoji, policy, anna).problems).toContain('PASSWORD_TOO_SHORT');
    expect(evaluatePassword(emoji, policy, anna).length).toBe(14);
    // "ﬁ" (one ligature) becomes "fi" under NFKC: two characters.
    expect(evaluatePassword('ﬁ', relaxed, anna).length).toBe(2);
  });

  it('refuses short passwords', () => {
    expect(evaluatePassword('Kx7#vQ2!mZ9', policy, anna).problems).toContain('PASSWORD_TOO_SHORT');
  });

  it('refuses blocklisted passwords whatever their case', () => {
    expect(evaluatePassword('password', relaxed, anna).problems).toEqual(['PASSWORD_BLOCKLISTED']);
    expect(evaluatePassword('PaSsWoRd', relaxed, anna).problems).toEqual(['PASSWORD_BLOCKLISTED']);
    // Long enough to pass the length rule, and still on the list.
    expect(evaluatePassword('1qaz2wsx3edc4rfv', policy, anna).problems).toContain('PASSWORD_BLOCKLISTED');
  });

  it('does not blocklist a password only because it contains a listed one', () => {
    expect(evaluatePassword(`password ${randomPassword(16)}`, policy, anna).problems).not.toContain(
      'PASSWORD_BLOCKLISTED',
    );
  });

  it('skips the blocklist when the policy turns it off', () => {
    expect(evaluatePassword('password', { ...relaxed, blocklistEnabled: false }, anna).problems).toEqual([]);
  });

  it('ships at least 100,000 common passwords', () => {
    expect(BLOCKLIST_SIZE).toBeGreaterThanOrEqual(100_000);
  });

  it('refuses passwords built from the e-mail address, the name or the service name', () => {
    const tail = randomPassword(16);
    for (const word of ['schmidt', 'SCHMIDT', 'anna.schmidt', 'example', 'mailgate', 'm4ilg4te', 'etaglIam']) {
      expect(evaluatePassword(`${word}${tail}`, policy, anna).problems, word).toContain('PASSWORD_CONTAINS_CONTEXT');
    }
    expect(evaluatePassword(`${tail}`, policy, anna).problems).not.toContain('PASSWORD_CONTAINS_CONTEXT');
  });

  it("refuses the policy's own context words and extra words", () => {
    const settings = { ...policy, contextWords: ['acmecorp'] };
    const tail = randomPassword(16);
    expect(evaluatePassword(`acmecorp${tail}`, settings, anna).problems).toContain('PASSWORD_CONTAINS_CONTEXT');
    expect(evaluatePassword(`gizmoworks${tail}`, policy, { ...anna, extraWords: ['GizmoWorks'] }).problems).toContain(
      'PASSWORD_CONTAINS_CONTEXT',
    );
  });

  it('refuses guessable passwords that are long enough', () => {
    const result = evaluatePassword('aaaaaaaaaaaaaaaaaaaa', policy, anna);
    expect(result.problems).toContain('PASSWORD_TOO_WEAK');
    expect(result.score).toBeLessThan(3);
  });

  it('knows German words', () => {
    // Two very common German words make a long but guessable password.
    const result = evaluatePassword('schmetterlingfrühling', { ...policy, minLength: 1 }, anna);
    expect(result.guessesLog10).toBeLessThan(evaluatePassword('xq7vbz3kd9pwm2rtnh5', policy, anna).guessesLog10!);
  });

  it('lists every broken rule in a stable order', () => {
    const result = evaluatePassword('mailgate', policy, anna);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_CONTAINS_CONTEXT', 'PASSWORD_TOO_WEAK']);
  });

  it('has an async form that loads the dictionaries itself', async () => {
    await expect(evaluatePasswordAsync('password', relaxed, anna)).resolves.toMatchObject({
      problems: ['PASSWORD_BLOCKLISTED'],
    });
  });
});
