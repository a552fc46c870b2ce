import { defineErrorCodes } from '../common/error-codes.js';

/**
 * One code per reason a new password is refused. When several apply, the problem body's
 * `problems` lists all of them and `code` is the first (the order below).
 */
export const PasswordErrors = defineErrorCodes({
  // Thrown when the new password has more code points than the policy's maximum.
  PASSWORD_TOO_LONG: { status: 400, message: 'The new password is too long.' },
  // Thrown when the new password has fewer code points than the policy's minimum.
  PASSWORD_TOO_SHORT: { status: 400, message: 'The new password is too short.' },
  // Thrown when the new password is on the list of common or breached passwords.
  PASSWORD_BLOCKLISTED: { status: 400, message: 'The new password is on a list of commonly used passwords.' },
  // Thrown when the new password is built from the e-mail address, the name or the service's name.
  PASSWORD_CONTAINS_CONTEXT: {
    status: 400,
    message: 'The new password contains your e-mail address, your name or the name of this service.',
  },
  // Thrown when the new password is too easy to guess (its strength score is below the policy's minimum).
  PASSWORD_TOO_WEAK: { status: 400, message: 'The new password is too easy to guess.' },
  // Thrown when the current password given with a password change is wrong.
  CURRENT_PASSWORD_WRONG: { status: 403, message: 'The current password is not correct.' },
  // Thrown when the new password is the same as the current one.
  PASSWORD_UNCHANGED: { status: 400, message: 'The new password must differ from the current one.' },
});

export type PasswordErrorCode = keyof typeof PasswordErrors;
