import { SESSION_POLICY } from './session.types.js';

/** The moments the account's strong factors were turned on (null: that factor is off). */
export interface StrongFactorDates {
  readonly totpEnabledAt: Date | null;
  readonly passkeysEnabledAt: Date | null;
}

/** Since when the account has had a strong factor (TOTP or a passkey) without a break, or null. */
export function strongFactorSince(user: StrongFactorDates): Date | null {
  const dates = [user.totpEnabledAt, user.passkeysEnabledAt].filter((date): date is Date => date !== null);
  return dates.length === 0 ? null : new Date(Math.min(...dates.map((date) => date.getTime())));
}

export function hasStrongFactor(user: StrongFactorDates): boolean {
  return user.totpEnabledAt !== null || user.passkeysEnabledAt !== null;
}

/**
 * Until when a session's last step-up counts, or null when it does not (any more). This is the one
 * freshness rule for every sensitive action, the user's own and staff actions that hand over an
 * account alike (SESSION_POLICY.stepUpValidityMs). A step-up made before the account's first strong
 * factor (TOTP or a passkey) was turned on was made with the password alone, so it stops counting
 * at that moment: from then on only a code or a passkey will do.
 */
export function stepUpValidUntil(lastStepUpAt: Date | null, factors: StrongFactorDates, now = new Date()): Date | null {
  if (!lastStepUpAt) return null;
  const since = strongFactorSince(factors);
  if (since && lastStepUpAt < since) return null;
  const validUntil = new Date(lastStepUpAt.getTime() + SESSION_POLICY.stepUpValidityMs);
  return validUntil >= now ? validUntil : null;
}
