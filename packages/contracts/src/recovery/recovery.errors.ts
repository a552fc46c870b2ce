import { defineErrorCodes } from '../common/error-codes.js';

/** Error codes of the recovery address, the sign-in page's "forgot password" and link redemption. */
export const RecoveryErrors = defineErrorCodes({
  // Thrown when the recovery address given is the account's own mailbox (it cannot help recover it).
  RECOVERY_ADDRESS_IS_MAILBOX: {
    status: 400,
    message: 'Use an address at another provider: your own mailbox cannot help you get back in.',
  },
  // Thrown when the address given is already the confirmed recovery address.
  RECOVERY_ADDRESS_UNCHANGED: { status: 409, message: 'This is already your recovery address.' },
  // Thrown when there is no recovery address (confirmed or waiting) to remove.
  RECOVERY_ADDRESS_NOT_SET: { status: 404, message: 'You have no recovery address.' },
  // Thrown when a confirmation link is unknown, used, expired or replaced by a newer one.
  RECOVERY_LINK_INVALID: {
    status: 400,
    message: 'This confirmation link is no longer valid. Enter the address again to get a new one.',
  },
  // Thrown when a reset link is redeemed for an account with 2FA on without a code or recovery code.
  SECOND_FACTOR_REQUIRED: {
    status: 400,
    message: 'Two-step sign-in is on: enter a code from your authenticator app or a recovery code.',
  },
  // Thrown when staff try to send a reset link to a user who has no confirmed recovery address.
  NO_RECOVERY_ADDRESS: {
    status: 409,
    message: 'This user has no confirmed recovery address. Only an administrator can reveal a link instead.',
  },
  // Thrown when an admin asks to reveal a link for a user who has a confirmed recovery address.
  RECOVERY_ADDRESS_EXISTS: {
    status: 409,
    message: 'This user has a confirmed recovery address: send the link there instead of revealing it.',
  },
});

export type RecoveryErrorCode = keyof typeof RecoveryErrors;
