import { defineErrorCodes } from '../common/error-codes.js';

/** Error codes of the support/admin panel (`/api/admin/...`) and the public password-reset redemption. */
export const AdminErrors = defineErrorCodes({
  // Thrown when a user id in the path does not exist.
  USER_NOT_FOUND: { status: 404, message: 'This user does not exist.' },
  // Thrown when an app password or session id does not belong to the user in the path.
  ITEM_NOT_FOUND: { status: 404, message: 'This item does not exist or belongs to another account.' },
  // Thrown when a change would leave the system without an active administrator (role change or disabling).
  LAST_ADMIN: { status: 409, message: 'This is the last administrator account; it cannot be demoted or disabled.' },
  // Thrown when staff try to disable their own account or remove their own 2FA from the panel.
  SELF_ACTION_REFUSED: { status: 409, message: 'You cannot do this to your own account from the admin panel.' },
  // Thrown when the action would not change anything (already disabled, 2FA already off, same role...).
  NO_CHANGE: { status: 409, message: 'The account is already in this state.' },
  // Thrown when a substring search term has fewer than 3 characters.
  SEARCH_TERM_TOO_SHORT: { status: 400, message: 'Type at least 3 characters to search inside e-mails and names.' },
  // Thrown when a pagination cursor was not produced by this API (or by this query).
  INVALID_CURSOR: { status: 400, message: 'The page link is invalid. Start the search again.' },
  // Thrown when a password-reset link is unknown, used, expired, cancelled by the user, or voided by a
  // change since it was issued (role, password, 2FA, disabling, a newer link, its issuer's rights).
  // One answer for all of them, so it tells a guesser nothing.
  RESET_LINK_INVALID: {
    status: 400,
    message: 'This password-reset link is no longer valid. Ask support for a new one.',
  },
});

export type AdminErrorCode = keyof typeof AdminErrors;
