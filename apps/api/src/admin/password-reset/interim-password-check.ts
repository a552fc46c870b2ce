import type { PasswordPolicySettings } from '@mailgate/password-policy';

// INTERIM, to be replaced at merge: the portal branch ships `evaluatePasswordAsync(password,
// settings, context)` in packages/password-policy (zxcvbn score, 100k-entry blocklist). This
// branch does not have it yet, so password-reset redemption checks the rules it can check
// without those dictionaries (length in code points, context words). Same signature and problem
// codes, so the swap is one import line in password-reset.service.ts.

export type InterimPasswordProblem =
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_BLOCKLISTED'
  | 'PASSWORD_CONTAINS_CONTEXT'
  | 'PASSWORD_TOO_WEAK';

export interface InterimPasswordEvaluation {
  readonly ok: boolean;
  readonly problems: InterimPasswordProblem[];
}

const SERVICE_WORDS = ['mailgate'];
const MIN_CONTAINED_LENGTH = 4;
const SPLIT = /[\s._+\-@,;:'"()/\\]+/u;

export async function evaluatePasswordAsync(
  password: string,
  settings: PasswordPolicySettings,
  context: { readonly email: string; readonly displayName: string },
): Promise<InterimPasswordEvaluation> {
  const normalised = password.normalize('NFKC');
  const length = [...normalised].length;
  const problems: InterimPasswordProblem[] = [];
  if (length > settings.maxLength) problems.push('PASSWORD_TOO_LONG');
  if (length < settings.minLength) problems.push('PASSWORD_TOO_SHORT');
  const lower = normalised.toLowerCase();
  const local = context.email.normalize('NFKC').toLowerCase().split('@')[0] ?? '';
  const words = [local, ...local.split(SPLIT), ...context.displayName.normalize('NFKC').toLowerCase().split(SPLIT)]
    .concat(
      SERVICE_WORDS,
      settings.contextWords.map((word) => word.normalize('NFKC').toLowerCase()),
    )
    .filter((word) => word.length >= MIN_CONTAINED_LENGTH);
  if (words.some((word) => lower.includes(word))) problems.push('PASSWORD_CONTAINS_CONTEXT');
  return { ok: problems.length === 0, problems };
}
