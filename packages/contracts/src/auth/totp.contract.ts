import { z } from 'zod';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';
import { SessionErrors } from './session-errors.js';
import { ZTotpCode } from './auth.contract.js';
import { TotpErrors } from './totp.errors.js';

export const ZTotpStatusResponse = z
  .object({
    enabled: z.boolean(),
    enabledAt: z.iso.datetime().nullable(),
    recoveryCodesRemaining: z.number().int(),
  })
  .meta({ id: 'TotpStatusResponse' });
export type TotpStatusResponse = z.infer<typeof ZTotpStatusResponse>;

export const ZStartTotpEnrollmentResponse = z
  .object({
    otpauthUri: z.string().meta({ description: 'Render as a QR code locally; shown this once.' }),
    manualKey: z.string().meta({ description: 'The same secret in base32, grouped for typing; shown this once.' }),
  })
  .meta({ id: 'StartTotpEnrollmentResponse' });
export type StartTotpEnrollmentResponse = z.infer<typeof ZStartTotpEnrollmentResponse>;

export const ZConfirmTotpEnrollmentRequest = z
  .strictObject({ code: ZTotpCode })
  .meta({ id: 'ConfirmTotpEnrollmentRequest' });
export type ConfirmTotpEnrollmentRequest = z.input<typeof ZConfirmTotpEnrollmentRequest>;

export const ZRecoveryCodesResponse = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .meta({ description: '10 one-time codes, shown this once; each works once instead of a 2FA code.' }),
  })
  .meta({ id: 'RecoveryCodesResponse' });
export type RecoveryCodesResponse = z.infer<typeof ZRecoveryCodesResponse>;

export const totpOperations = {
  status: defineOperation(routes.totp.status, {
    tag: 'Two-factor authentication',
    summary: 'Whether 2FA is on and how many recovery codes are left.',
    auth: 'session',
    responses: { 200: ZTotpStatusResponse },
  }),
  startEnrollment: defineOperation(routes.totp.startEnrollment, {
    tag: 'Two-factor authentication',
    summary: 'Start setting up 2FA: a new secret as an otpauth URI and a manual key.',
    description: 'Needs a recent step-up. Starting again replaces an unconfirmed secret.',
    auth: 'session',
    responses: { 201: ZStartTotpEnrollmentResponse },
    errors: [SessionErrors.STEP_UP_REQUIRED, TotpErrors.TOTP_ALREADY_ENABLED],
  }),
  confirmEnrollment: defineOperation(routes.totp.confirmEnrollment, {
    tag: 'Two-factor authentication',
    summary: 'Turn 2FA on with a code from the app; returns 10 recovery codes once.',
    auth: 'session',
    body: ZConfirmTotpEnrollmentRequest,
    responses: { 200: ZRecoveryCodesResponse },
    errors: [
      TotpErrors.TOTP_ALREADY_ENABLED,
      TotpErrors.TOTP_ENROLLMENT_NOT_STARTED,
      TotpErrors.TOTP_ENROLLMENT_CODE_INVALID,
    ],
  }),
  regenerateRecoveryCodes: defineOperation(routes.totp.regenerateRecoveryCodes, {
    tag: 'Two-factor authentication',
    summary: 'Replace all recovery codes with 10 new ones (shown once).',
    auth: 'session',
    responses: { 200: ZRecoveryCodesResponse },
    errors: [SessionErrors.STEP_UP_REQUIRED, TotpErrors.TOTP_NOT_ENABLED],
  }),
  disable: defineOperation(routes.totp.disable, {
    tag: 'Two-factor authentication',
    summary: 'Turn 2FA off (needs a step-up with a 2FA code).',
    auth: 'session',
    responses: { 204: null },
    errors: [SessionErrors.STEP_UP_REQUIRED, TotpErrors.TOTP_NOT_ENABLED],
  }),
};
