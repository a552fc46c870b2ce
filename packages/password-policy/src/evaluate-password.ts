import { containsContextWord, contextTokens, type PasswordContext } from './context-words.js';
import { loadedPasswordDictionaries, loadPasswordDictionaries } from './dictionaries.js';
import { countCodePoints, PASSWORD_PROBLEMS, type PasswordProblem } from './password-problems.js';
import type { PasswordPolicySettings } from './policy-settings.js';

export interface PasswordEvaluation {
  /** True when no rule is broken. */
  readonly ok: boolean;
  /** zxcvbn's strength score, 0 (guessed at once) to 4 (very hard to guess). */
  readonly score: 0 | 1 | 2 | 3 | 4;
  /** Every rule the password breaks, in PASSWORD_PROBLEMS order. */
  readonly problems: PasswordProblem[];
  /** Length in code points after NFKC, as the rules count it. */
  readonly length: number;
  /** log10 of the estimated guesses (for a finer meter than the score). */
  readonly guessesLog10?: number;
  /** zxcvbn's hints (English; the SPA shows its own translated texts by problem code). */
  readonly feedback?: { readonly warning: string | null; readonly suggestions: readonly string[] };
}

/**
 * Evaluates a new password against the policy. Synchronous, so the SPA can run it on every
 * keystroke; call (and await) `loadPasswordDictionaries()` once before. The password is
 * NFKC-normalised exactly as the hasher does, counted by code point, and never truncated.
 */
export function evaluatePassword(
  password: string,
  settings: PasswordPolicySettings,
  context: PasswordContext,
): PasswordEvaluation {
  const dictionaries = loadedPasswordDictionaries();
  if (!dictionaries) throw new Error('password dictionaries are not loaded; await loadPasswordDictionaries() first');

  const normalised = password.normalize('NFKC');
  const length = countCodePoints(normalised);
  const found = new Set<PasswordProblem>();
  if (length > settings.maxLength) found.add('PASSWORD_TOO_LONG');
  if (length < settings.minLength) found.add('PASSWORD_TOO_SHORT');
  if (settings.blocklistEnabled && dictionaries.blocklist.has(normalised.toLowerCase())) {
    found.add('PASSWORD_BLOCKLISTED');
  }

  const tokens = contextTokens(context, settings.contextWords);
  if (containsContextWord(normalised, tokens)) found.add('PASSWORD_CONTAINS_CONTEXT');

  const result = dictionaries.zxcvbn.check(normalised, tokens);
  if (result.score < settings.minScore) found.add('PASSWORD_TOO_WEAK');

  const problems = PASSWORD_PROBLEMS.filter((problem) => found.has(problem));
  return {
    ok: problems.length === 0,
    score: result.score,
    problems,
    length,
    guessesLog10: result.guessesLog10,
    feedback: { warning: result.feedback.warning, suggestions: result.feedback.suggestions },
  };
}

/** Loads the dictionaries if needed, then evaluates (for callers that are async anyway). */
export async function evaluatePasswordAsync(
  password: string,
  settings: PasswordPolicySettings,
  context: PasswordContext,
): Promise<PasswordEvaluation> {
  await loadPasswordDictionaries();
  return evaluatePassword(password, settings, context);
}
