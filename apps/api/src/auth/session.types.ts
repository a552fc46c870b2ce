import type { Role } from '../generated/prisma/enums.js';

/** The signed-in caller, attached to the request by SessionGuard. */
export interface AuthenticatedSession {
  readonly sessionId: string;
  readonly userId: string;
  readonly email: string;
  readonly role: Role;
  readonly totpEnabled: boolean;
  /** When 2FA was turned on: step-ups from before it no longer count (see step-up-window.ts). */
  readonly totpEnabledAt: Date | null;
  /** When the oldest current passkey was added (null: none); a strong factor like TOTP. */
  readonly passkeysEnabledAt: Date | null;
  readonly lastStepUpAt: Date | null;
  /** Last sign-in or step-up of this session with a passkey (for staffPasskeyRequired). */
  readonly passkeyVerifiedAt: Date | null;
  readonly createdAt: Date;
}

/** Roles that reach the staff panel; each of them must have a strong second factor (TOTP or a passkey). */
export const STAFF_ROLES: readonly Role[] = ['SUPPORT', 'ADMIN'];

export const SESSION_POLICY = Object.freeze({
  /** Signed out after this long without a request. */
  idleTimeoutMs: 30 * 60_000,
  /** Signed out this long after sign-in, however active. */
  absoluteTimeoutMs: 12 * 60 * 60_000,
  /**
   * A step-up (password or TOTP re-entry) counts for this long, for the user's own sensitive
   * actions and for staff actions that hand over an account (reset link, 2FA removal, disabling).
   */
  stepUpValidityMs: 5 * 60_000,
  /** lastSeenAt is written at most this often, to keep reads cheap. */
  touchIntervalMs: 60_000,
});
