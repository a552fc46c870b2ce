import { z } from 'zod';
import { SessionErrors } from '../auth/session-errors.js';
import { CommonErrors } from '../common/error-codes.js';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { ZEmail, zSafeText } from '../common/strings.js';
import { RecoveryErrors } from './recovery.errors.js';

export const ZRecoveryAddressView = z
  .object({
    /** The confirmed address (the owner sees it in full), or null. */
    address: z.string().nullable(),
    confirmedAt: z.iso.datetime().nullable(),
    /** A new address waiting for its confirmation link; the confirmed one keeps working meanwhile. */
    pending: z.object({ address: z.string(), expiresAt: z.iso.datetime() }).nullable(),
  })
  .meta({ id: 'RecoveryAddressView' });
export type RecoveryAddressView = z.infer<typeof ZRecoveryAddressView>;

export const ZSetRecoveryAddressRequest = z.strictObject({ email: ZEmail });
export type SetRecoveryAddressRequest = z.infer<typeof ZSetRecoveryAddressRequest>;

export const ZConfirmRecoveryAddressRequest = z.strictObject({ token: zSafeText(200).min(1) });
export type ConfirmRecoveryAddressRequest = z.infer<typeof ZConfirmRecoveryAddressRequest>;

export const ZConfirmRecoveryAddressResponse = z
  .object({ address: z.string() })
  .meta({ id: 'ConfirmRecoveryAddressResponse' });
export type ConfirmRecoveryAddressResponse = z.infer<typeof ZConfirmRecoveryAddressResponse>;

export const ZRequestPasswordResetRequest = z.strictObject({ email: ZEmail });
export type RequestPasswordResetRequest = z.infer<typeof ZRequestPasswordResetRequest>;

const SESSION_ERRORS = [CommonErrors.UNAUTHENTICATED, SessionErrors.SESSION_EXPIRED] as const;

export const recoveryOperations = {
  getRecoveryAddress: defineOperation(routes.recovery.getRecoveryAddress, {
    tag: 'Recovery',
    summary: "The signed-in user's recovery address and any change waiting for confirmation.",
    auth: 'session',
    responses: { 200: ZRecoveryAddressView },
    errors: [...SESSION_ERRORS],
  }),
  setRecoveryAddress: defineOperation(routes.recovery.setRecoveryAddress, {
    tag: 'Recovery',
    summary: 'Add or change the recovery address: a one-time confirmation link goes to the new address.',
    description:
      'Needs a step-up. The link is valid 24 hours; until it is used the confirmed address (if any) stays, ' +
      'and that address is told about the change.',
    auth: 'session',
    body: ZSetRecoveryAddressRequest,
    responses: { 200: ZRecoveryAddressView },
    errors: [
      CommonErrors.VALIDATION_FAILED,
      CommonErrors.CSRF_CHECK_FAILED,
      CommonErrors.RATE_LIMITED,
      SessionErrors.STEP_UP_REQUIRED,
      RecoveryErrors.RECOVERY_ADDRESS_IS_MAILBOX,
      RecoveryErrors.RECOVERY_ADDRESS_UNCHANGED,
      ...SESSION_ERRORS,
    ],
  }),
  removeRecoveryAddress: defineOperation(routes.recovery.removeRecoveryAddress, {
    tag: 'Recovery',
    summary: 'Remove the recovery address (and any change waiting); the old address is told.',
    description: 'Needs a step-up.',
    auth: 'session',
    responses: { 204: null },
    errors: [
      CommonErrors.CSRF_CHECK_FAILED,
      SessionErrors.STEP_UP_REQUIRED,
      RecoveryErrors.RECOVERY_ADDRESS_NOT_SET,
      ...SESSION_ERRORS,
    ],
  }),
  confirmRecoveryAddress: defineOperation(routes.recovery.confirmRecoveryAddress, {
    tag: 'Recovery',
    summary: 'Confirm a recovery address with the token from its link (public, works once).',
    auth: 'none',
    body: ZConfirmRecoveryAddressRequest,
    responses: { 200: ZConfirmRecoveryAddressResponse },
    errors: [
      CommonErrors.VALIDATION_FAILED,
      CommonErrors.CSRF_CHECK_FAILED,
      CommonErrors.RATE_LIMITED,
      RecoveryErrors.RECOVERY_LINK_INVALID,
    ],
  }),
  requestPasswordReset: defineOperation(routes.recovery.requestPasswordReset, {
    tag: 'Recovery',
    summary: 'Forgot password: send a one-time link to the account’s confirmed recovery address.',
    description:
      'Public. Always 204 with no body, whether or not the address has an account or a recovery address, ' +
      'so the answer tells nothing; the work is done after the answer. Limited per address and per IP.',
    auth: 'none',
    body: ZRequestPasswordResetRequest,
    responses: { 204: null },
    errors: [CommonErrors.VALIDATION_FAILED, CommonErrors.CSRF_CHECK_FAILED, CommonErrors.RATE_LIMITED],
  }),
};
