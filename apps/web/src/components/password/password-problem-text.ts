import type { PasswordPolicyResponse } from '@mailgate/contracts';
import type { TFunction } from '../../i18n/message-keys';
import { en } from '../../i18n/en';

type ProblemCode = keyof typeof en.password.problems;

/** One problem in words, with the numbers that make it actionable ("at least 15, now 9"). */
export function passwordProblemText(
  t: TFunction,
  code: ProblemCode,
  policy: Pick<PasswordPolicyResponse, 'minLength' | 'maxLength'> | undefined,
  length: number,
): string {
  return t(`password.problems.${code}`, { min: policy?.minLength ?? '', max: policy?.maxLength ?? '', length });
}
