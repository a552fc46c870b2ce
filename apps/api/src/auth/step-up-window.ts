import { SESSION_POLICY } from './session.types.js';

/**
 * Until when a session's last step-up counts, or null when it does not (any more). This is the one
 * freshness rule for every sensitive action, the user's own and staff actions that hand over an
 * account alike (SESSION_POLICY.stepUpValidityMs). A step-up made before 2FA was turned on was made
 * with the password alone, so it stops counting at that moment: from then on only a code will do.
 */
export function stepUpValidUntil(lastStepUpAt: Date | null, totpEnabledAt: Date | null, now = new Date()): Date | null {
  if (!lastStepUpAt) return null;
  if (totpEnabledAt && lastStepUpAt < totpEnabledAt) return null;
  const validUntil = new Date(lastStepUpAt.getTime() + SESSION_POLICY.stepUpValidityMs);
  return validUntil >= now ? validUntil : null;
}
