import { hasStrongFactor } from '../../auth/step-up-window.js';
import type { Role } from '../../generated/prisma/enums.js';
import { STAFF_ROLES } from '../../auth/session.types.js';
import { mayActOn } from '../staff-target.service.js';

export interface ResetLinkState {
  readonly usedAt: Date | null;
  readonly expiresAt: Date;
  readonly targetSecurityVersion: number;
  readonly targetRole: Role;
  /** SELF links (forgot password, sent to the recovery address) have no issuer to re-check. */
  readonly origin: 'SELF' | 'STAFF';
}

export interface ResetLinkTargetState {
  readonly securityVersion: number;
  readonly role: Role;
  readonly disabledAt: Date | null;
}

export interface ResetLinkIssuerState {
  readonly role: Role;
  readonly disabledAt: Date | null;
  readonly totpEnabledAt: Date | null;
  readonly passkeysEnabledAt: Date | null;
}

/** The selects that load exactly what `resetLinkVoidReason` compares. */
export const RESET_TARGET_FIELDS = { securityVersion: true, role: true, disabledAt: true } as const;
export const RESET_ISSUER_FIELDS = {
  role: true,
  disabledAt: true,
  totpEnabledAt: true,
  passkeysEnabledAt: true,
} as const;

/**
 * Why a staff-issued link can no longer be redeemed, or null while it can. A link hands an account
 * over, so it holds only while nothing about the account changed since it was issued (every role,
 * password, 2FA and status change bumps securityVersion) and while its issuer could still issue
 * it now: active staff with 2FA, allowed to act on the account's current role (SUPPORT never on
 * staff). The reason is for logs only; the user always gets the same RESET_LINK_INVALID.
 */
export function resetLinkVoidReason(
  link: ResetLinkState,
  target: ResetLinkTargetState,
  issuer: ResetLinkIssuerState | null,
  now: Date,
): string | null {
  if (link.usedAt) return 'used';
  if (link.expiresAt <= now) return 'expired or voided';
  if (target.securityVersion !== link.targetSecurityVersion) return 'account changed since issue';
  if (target.role !== link.targetRole) return 'role changed since issue';
  if (target.disabledAt) return 'account disabled';
  if (link.origin === 'SELF') return null;
  if (!issuer) return 'issuer no longer exists';
  if (!STAFF_ROLES.includes(issuer.role) || issuer.disabledAt || !hasStrongFactor(issuer))
    return 'issuer no longer staff';
  if (!mayActOn(issuer.role, target.role)) return `${issuer.role} may not act on ${target.role}`;
  return null;
}
