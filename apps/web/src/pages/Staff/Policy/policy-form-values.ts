import type { PasswordPolicyView } from '@mailgate/contracts';
import type { PasswordPolicySettings as PolicySettings } from '@mailgate/password-policy';
import { PASSWORD_POLICY_BOUNDS as POLICY_BOUNDS } from '@mailgate/contracts/values';

/** The editor's fields as typed (strings), and their conversion to settings with the contract's bounds. */
export interface PolicyFormValues {
  minLength: string;
  maxLength: string;
  minScore: string;
  blocklistEnabled: boolean;
  contextWords: string;
}

// The bounds overlap only at 64 (min ≤ 64 ≤ max), so a maximum below the minimum cannot pass them.
export type PolicyProblem = 'minLength' | 'maxLength' | 'contextWordShort' | 'contextWordsTooMany';

export function toFormValues(policy: PasswordPolicyView): PolicyFormValues {
  return {
    minLength: String(policy.minLength),
    maxLength: String(policy.maxLength),
    minScore: String(policy.minScore),
    blocklistEnabled: policy.blocklistEnabled,
    contextWords: policy.contextWords.join('\n'),
  };
}

/** One word per line (commas also separate); blank lines and repeats dropped. */
export function parseContextWords(text: string): string[] {
  const words = text
    .split(/[\n,]/)
    .map((word) => word.trim())
    .filter(Boolean);
  return [...new Set(words)];
}

export function toSettings(values: PolicyFormValues): { settings: PolicySettings; problems: PolicyProblem[] } {
  const settings: PolicySettings = {
    minLength: Number.parseInt(values.minLength, 10),
    maxLength: Number.parseInt(values.maxLength, 10),
    minScore: Number.parseInt(values.minScore, 10),
    blocklistEnabled: values.blocklistEnabled,
    contextWords: parseContextWords(values.contextWords),
  };
  const problems: PolicyProblem[] = [];
  const within = (value: number, bounds: { min: number; max: number }) =>
    Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
  if (!within(settings.minLength, POLICY_BOUNDS.minLength)) problems.push('minLength');
  if (!within(settings.maxLength, POLICY_BOUNDS.maxLength)) problems.push('maxLength');
  if (settings.contextWords.some((word) => word.length < POLICY_BOUNDS.contextWordLength.min)) {
    problems.push('contextWordShort');
  }
  if (settings.contextWords.length > POLICY_BOUNDS.contextWordsMax) problems.push('contextWordsTooMany');
  return { settings, problems };
}
