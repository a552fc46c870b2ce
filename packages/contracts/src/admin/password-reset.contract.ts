import { z } from 'zod';
import { CommonErrors } from '../common/error-codes.js';
import { defineOperation } from '../common/operation.js';
import { zSafeText, ZPasswordInput } from '../common/strings.js';
import { PasswordErrors } from '../password-policy/password.errors.js';
import { AdminErrors } from './admin.errors.js';

export const ZRedeemPasswordResetRequest = z.strictObject({
  /** The token from the link support handed over. */
  token: zSafeText(200).min(1),
  newPassword: ZPasswordInput,
});
export type RedeemPasswordResetRequest = z.infer<typeof ZRedeemPasswordResetRequest>;

export const passwordResetOperations = {
  redeemPasswordReset: defineOperation({
    method: 'post',
    path: '/api/password-reset',
    tag: 'Password reset',
    summary: 'Set a new password with a one-time reset link from support.',
    description:
      'Public (no session). The link works once, for one hour. The new password must meet the password policy; ' +
      'all sessions of the account end and mail programs must use the new password.',
    auth: 'none',
    body: ZRedeemPasswordResetRequest,
    responses: { 204: null },
    errors: [
      CommonErrors.VALIDATION_FAILED,
      CommonErrors.CSRF_CHECK_FAILED,
      CommonErrors.RATE_LIMITED,
      AdminErrors.RESET_LINK_INVALID,
      PasswordErrors.PASSWORD_TOO_LONG,
      PasswordErrors.PASSWORD_TOO_SHORT,
      PasswordErrors.PASSWORD_BLOCKLISTED,
      PasswordErrors.PASSWORD_CONTAINS_CONTEXT,
      PasswordErrors.PASSWORD_TOO_WEAK,
    ],
  }),
};
