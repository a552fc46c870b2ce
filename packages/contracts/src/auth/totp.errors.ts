import { defineErrorCodes } from '../common/error-codes.js';

export const TotpErrors = defineErrorCodes({
  // Thrown when enrollment is started or confirmed while 2FA is already on.
  TOTP_ALREADY_ENABLED: { status: 409, message: 'Two-factor authentication is already on.' },
  // Thrown when 2FA is disabled or recovery codes are regenerated while 2FA is off.
  TOTP_NOT_ENABLED: { status: 409, message: 'Two-factor authentication is not on.' },
  // Thrown when an enrollment is confirmed that was never started (or was replaced by a newer one).
  TOTP_ENROLLMENT_NOT_STARTED: { status: 409, message: 'Start setting up two-factor authentication first.' },
  // Thrown when the code confirming an enrollment is wrong or expired.
  TOTP_ENROLLMENT_CODE_INVALID: {
    status: 400,
    message: 'The code is not correct. Check the time on your phone and try the newest code.',
  },
});

export type TotpErrorCode = keyof typeof TotpErrors;
