/**
 * The password policy's settings, as admins edit them and as stored (one row per version).
 * Defaults follow NIST SP 800-63B-4: length over composition, a blocklist, no forced rotation.
 */
export interface PasswordPolicySettings {
  /** Minimum length, counted in Unicode code points after NFKC normalisation. */
  readonly minLength: number;
  /** Longest password accepted; 64 must always work, and nothing is ever truncated. */
  readonly maxLength: number;
  /** Minimum zxcvbn score (0-4). */
  readonly minScore: number;
  /** Refuse passwords found on the common/breached password list. */
  readonly blocklistEnabled: boolean;
  /** Words (besides the user's own e-mail and name) a password must not be built from. */
  readonly contextWords: readonly string[];
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicySettings = Object.freeze({
  minLength: 15,
  maxLength: 128,
  minScore: 3,
  blocklistEnabled: true,
  contextWords: Object.freeze(['mailgate']),
});
