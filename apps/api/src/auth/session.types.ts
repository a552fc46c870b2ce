import type { Role } from '../generated/prisma/enums.js';

/** The signed-in caller, attached to the request by SessionGuard. */
export interface AuthenticatedSession {
  readonly sessionId: string;
  readonly userId: string;
  readonly email: string;
  readonly role: Role;
  readonly totpEnabled: boolean;
  readonly lastStepUpAt: Date | null;
  readonly createdAt: Date;
}

export const SESSION_POLICY = Object.freeze({
  /** Signed out after this long without a request. */
  idleTimeoutMs: 30 * 60_000,
  /** Signed out this long after sign-in, however active. */
  absoluteTimeoutMs: 12 * 60 * 60_000,
  /** A step-up (password or TOTP re-entry) counts for this long. */
  stepUpValidityMs: 5 * 60_000,
  /** lastSeenAt is written at most this often, to keep reads cheap. */
  touchIntervalMs: 60_000,
});
