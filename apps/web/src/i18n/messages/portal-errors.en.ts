// Messages for the error codes of the portal's features (auth, 2FA, password, protocol access,
// app passwords). en.ts spreads them into `errors`; error-message.ts checks every code has one.
export const portalErrorsEn = {
  SESSION_EXPIRED: 'Your session has ended. Please sign in again.',
  STEP_UP_REQUIRED: 'Please confirm it is you before making this change.',
  STAFF_TOTP_REQUIRED: 'Staff accounts must set up two-step sign-in first.',
  ACCOUNT_DISABLED: 'This account is disabled. Please contact support.',
  INVALID_CREDENTIALS: 'The email address or the password is not correct.',
  SIGN_IN_PENDING_EXPIRED: 'Your sign-in took too long. Please start again.',
  TOTP_CODE_INVALID: 'That code is not correct or has already been used. Wait for the next code and try again.',
  RECOVERY_CODE_INVALID: 'That recovery code is not correct or has already been used.',
  STEP_UP_FAILED: 'That did not match. Please try again.',
  STEP_UP_TOTP_REQUIRED: 'Two-step sign-in is on: please confirm with a code from your app.',
  STEP_UP_PASSWORD_REQUIRED: 'Please confirm with your password.',
  TOTP_ALREADY_ENABLED: 'Two-step sign-in is already on.',
  TOTP_NOT_ENABLED: 'Two-step sign-in is not on.',
  TOTP_ENROLLMENT_NOT_STARTED: 'The setup has expired. Please start setting up two-step sign-in again.',
  TOTP_ENROLLMENT_CODE_INVALID:
    'That code is not correct. Check that the time on your phone is right and use the newest code.',
  PASSWORD_TOO_LONG: 'The new password is too long.',
  PASSWORD_TOO_SHORT: 'The new password is too short.',
  PASSWORD_BLOCKLISTED: 'The new password is on a list of commonly used or leaked passwords.',
  PASSWORD_CONTAINS_CONTEXT: 'The new password contains your email address, your name or the name of this service.',
  PASSWORD_TOO_WEAK: 'The new password is too easy to guess.',
  CURRENT_PASSWORD_WRONG: 'The current password is not correct.',
  PASSWORD_UNCHANGED: 'The new password must be different from the current one.',
  POP3_KEEP_COPY_ONLY_FOR_POP3: 'The “keep a copy on the server” option only applies to POP3.',
  NO_LIMIT_TO_KEEP:
    'This protocol is no longer on (its time limit may have just ended). Turn it on again and choose how long.',
  RECOVERY_ADDRESS_IS_MAILBOX: 'Choose an address at another provider: your own mailbox cannot help you get back in.',
  RECOVERY_ADDRESS_UNCHANGED: 'This is already your recovery address.',
  RECOVERY_ADDRESS_NOT_SET: 'You have no recovery address.',
  RECOVERY_LINK_INVALID: 'This confirmation link no longer works. Enter the address again to get a new one.',
  SECOND_FACTOR_REQUIRED: 'Two-step sign-in is on: also enter a code from your authenticator app or a recovery code.',
  NO_RECOVERY_ADDRESS:
    'This user has no confirmed recovery address. Only an administrator can create a link to hand over.',
  RECOVERY_ADDRESS_EXISTS: 'This user has a confirmed recovery address: send the link there instead.',
  APP_PASSWORD_LIMIT_REACHED:
    'You have reached the maximum number of app passwords. Revoke one you no longer use first.',
  MAIL_DOMAIN_NOT_SERVED: 'This provider does not serve that mail domain.',
  AUTODISCOVER_REQUEST_INVALID: 'The mail program sent a request we could not read.',
  HANDOFF_INVALID:
    'This setup link is no longer valid: it was already used, it expired, or it belongs to another account. Create a new QR code on your computer.',
};
