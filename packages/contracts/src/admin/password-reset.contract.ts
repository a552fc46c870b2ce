import { z } from 'zod';
import { ZActorKind } from '../activity/activity.contract.js';
import { SessionErrors } from '../auth/session-errors.js';
import { CommonErrors } from '../common/error-codes.js';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { zSafeText, ZPasswordInput } from '../common/strings.js';
import { ZPasswordRules } from '../password-policy/password.contract.js';
import { PasswordErrors } from '../password-policy/password.errors.js';
import { AdminErrors } from './admin.errors.js';
import { AuthErrors } from '../auth/auth.errors.js';
import { ZRecoveryCodeInput, ZTotpCode } from '../auth/auth.contract.js';
import { RecoveryErrors } from '../recovery/recovery.errors.js';

export const ZRedeemPasswordResetRequest = z.strictObject({
  /** The token from the link (sent to the recovery address, or handed over by an admin). */
  token: zSafeText(200).min(1),
  newPassword: ZPasswordInput,
  /** With 2FA on, one of these is required too (SECOND_FACTOR_REQUIRED otherwise). */
  totpCode: ZTotpCode.optional(),
  recoveryCode: ZRecoveryCodeInput.optional(),
});
export type RedeemPasswordResetRequest = z.infer<typeof ZRedeemPasswordResetRequest>;

export const ZPasswordResetRulesRequest = z.strictObject({ token: ZRedeemPasswordResetRequest.shape.token });
export type PasswordResetRulesRequest = z.infer<typeof ZPasswordResetRulesRequest>;

/**
 * What the reset page's meter needs to judge a new password exactly as the redemption will: the
 * policy's rules and the account's own words (its address and name are refused inside a password).
 * Only a live link answers, and it is the credential that sets this account's password anyway.
 */
export const ZPasswordResetRulesResponse = ZPasswordRules.extend({
  account: z.object({ email: z.string(), displayName: z.string() }),
}).meta({ id: 'PasswordResetRulesResponse' });
export type PasswordResetRulesResponse = z.infer<typeof ZPasswordResetRulesResponse>;

/**
 * A staff-issued link that could still set the signed-in user's password. Who issued it is told
 * as on the activity page (`support` for any staff role, never a name).
 */
export const ZPendingPasswordResetLink = z
  .object({
    id: z.uuid(),
    issuedBy: ZActorKind,
    reason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'PendingPasswordResetLink' });
export type PendingPasswordResetLink = z.infer<typeof ZPendingPasswordResetLink>;

export const ZListPendingPasswordResetLinksResponse = z
  .object({ links: z.array(ZPendingPasswordResetLink) })
  .meta({ id: 'ListPendingPasswordResetLinksResponse' });
export type ListPendingPasswordResetLinksResponse = z.infer<typeof ZListPendingPasswordResetLinksResponse>;

export const ZPasswordResetLinkIdParams = z.strictObject({ id: z.uuid({ message: 'Not a valid id.' }) });

const SESSION_ERRORS = [CommonErrors.UNAUTHENTICATED, SessionErrors.SESSION_EXPIRED] as const;

/** The account owner's side of staff-issued links (portal, not panel). */
export const pendingResetLinkOperations = {
  listPendingLinks: defineOperation(routes.pendingResetLink.listPendingLinks, {
    tag: 'Password reset',
    summary: "Staff-issued password-reset links that could still set the signed-in user's password.",
    auth: 'session',
    responses: { 200: ZListPendingPasswordResetLinksResponse },
    errors: [...SESSION_ERRORS],
  }),
  cancelLink: defineOperation(routes.pendingResetLink.cancelLink, {
    tag: 'Password reset',
    summary: 'Cancel one pending password-reset link of the signed-in user; it stops working at once.',
    description: "No step-up: closing a door is always allowed. Another user's link is NOT_FOUND.",
    auth: 'session',
    params: ZPasswordResetLinkIdParams,
    responses: { 204: null },
    errors: [CommonErrors.VALIDATION_FAILED, CommonErrors.NOT_FOUND, CommonErrors.CSRF_CHECK_FAILED, ...SESSION_ERRORS],
  }),
};

export const passwordResetOperations = {
  passwordResetRules: defineOperation(routes.passwordReset.passwordResetRules, {
    tag: 'Password reset',
    summary: 'The password rules for the account of a reset link, for the reset page’s strength meter.',
    description:
      'Public (no session); the token travels in the body so it stays out of logs. Any link that could no ' +
      'longer be redeemed answers RESET_LINK_INVALID; failures share the redemption’s limit per IP. ' +
      'Reading the rules does not use the link.',
    auth: 'none',
    body: ZPasswordResetRulesRequest,
    responses: { 200: ZPasswordResetRulesResponse },
    errors: [
      CommonErrors.VALIDATION_FAILED,
      CommonErrors.CSRF_CHECK_FAILED,
      CommonErrors.RATE_LIMITED,
      AdminErrors.RESET_LINK_INVALID,
    ],
  }),
  redeemPasswordReset: defineOperation(routes.passwordReset.redeemPasswordReset, {
    tag: 'Password reset',
    summary: 'Set a new password with a one-time reset link (from the recovery address or support).',
    description:
      'Public (no session). The link works once, for one hour, and only while the account and its issuer are ' +
      'as they were when it was issued; unknown, used, expired, cancelled and voided links all answer ' +
      'RESET_LINK_INVALID. With 2FA on, a TOTP code or a recovery code is required too. ' +
      'The new password must meet the password policy; ' +
      'all sessions of the account end and mail programs must use the new password.',
    auth: 'none',
    body: ZRedeemPasswordResetRequest,
    responses: { 204: null },
    errors: [
      CommonErrors.VALIDATION_FAILED,
      CommonErrors.CSRF_CHECK_FAILED,
      CommonErrors.RATE_LIMITED,
      AdminErrors.RESET_LINK_INVALID,
      RecoveryErrors.SECOND_FACTOR_REQUIRED,
      AuthErrors.TOTP_CODE_INVALID,
      AuthErrors.RECOVERY_CODE_INVALID,
      PasswordErrors.PASSWORD_TOO_LONG,
      PasswordErrors.PASSWORD_TOO_SHORT,
      PasswordErrors.PASSWORD_BLOCKLISTED,
      PasswordErrors.PASSWORD_CONTAINS_CONTEXT,
      PasswordErrors.PASSWORD_TOO_WEAK,
    ],
  }),
};
