import type { PasswordPolicyView } from '@mailgate/contracts';

export type PolicySettings = Pick<
  PasswordPolicyView,
  'minLength' | 'maxLength' | 'minScore' | 'blocklistEnabled' | 'contextWords'
>;

/** The problem codes of the shared evaluator (`PASSWORD_PROBLEMS` in @mailgate/password-policy). */
export type PreviewProblem =
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_BLOCKLISTED'
  | 'PASSWORD_CONTAINS_CONTEXT'
  | 'PASSWORD_TOO_WEAK';

export interface PolicyPreview {
  /** Code points after NFKC, as the policy counts them. */
  length: number;
  problems: PreviewProblem[];
  /** The strength score 0-4, or null when this build cannot compute it (see below). */
  score: number | null;
}

/** Shorter policy words would match inside too many good passwords (the shared evaluator's rule). */
const MIN_CONTAINED_LENGTH = 4;

/**
 * INTERIM, until the shared evaluator is merged into this branch: the evaluator with zxcvbn and the
 * blocklist (`evaluatePassword` in @mailgate/password-policy) is built by the portal work and is not
 * in the admin branch, and the admin API offers no preview endpoint. This checks what follows from
 * the settings alone (length, the policy's own words) with the same problem codes, and reports no
 * score. At merge, the body becomes
 *   `const result = evaluatePassword(password, settings, { email: '', displayName: '' });
 *    return { length: result.length, problems: [...result.problems], score: result.score };`
 * (after `await loadPasswordDictionaries()` in the preview component).
 */
export function previewPassword(password: string, settings: PolicySettings): PolicyPreview {
  const normalised = password.normalize('NFKC');
  const length = [...normalised].length;
  const problems: PreviewProblem[] = [];
  if (length > settings.maxLength) problems.push('PASSWORD_TOO_LONG');
  if (length < settings.minLength) problems.push('PASSWORD_TOO_SHORT');
  const lower = normalised.toLowerCase();
  const words = ['mailgate', ...settings.contextWords].map((word) => word.normalize('NFKC').toLowerCase());
  if (words.some((word) => word.length >= MIN_CONTAINED_LENGTH && lower.includes(word))) {
    problems.push('PASSWORD_CONTAINS_CONTEXT');
  }
  return { length, problems, score: null };
}
