/**
 * Why a password is refused. The codes are the API's error codes (packages/contracts
 * `PasswordErrors`), so the SPA translates a live-meter problem and a server refusal alike.
 * Listed in the order they are reported: the first one is the refusal's headline.
 */
export const PASSWORD_PROBLEMS = [
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_SHORT',
  'PASSWORD_BLOCKLISTED',
  'PASSWORD_CONTAINS_CONTEXT',
  'PASSWORD_TOO_WEAK',
] as const;

export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** Code points, not UTF-16 units: an emoji counts as one character, as people count it. */
export function countCodePoints(value: string): number {
  return [...value].length;
}
