// Messages for the error codes of the staff panel's API (contracts: admin/admin.errors.ts, and the
// mail-side catalogues the panel's token and lock actions answer with: service-tokens/, auth-locks/).
// en.ts spreads them into `errors`; error-message.ts checks every code has one.
export const staffErrorsEn = {
  USER_NOT_FOUND: 'This account does not exist.',
  ITEM_NOT_FOUND: 'This item no longer exists or belongs to another account. The page has been refreshed.',
  LAST_ADMIN: 'This is the last administrator account, so it cannot be demoted or disabled.',
  SELF_ACTION_REFUSED: 'You cannot do this to your own account from the staff panel.',
  NO_CHANGE: 'The account is already in this state.',
  SEARCH_TERM_TOO_SHORT: 'Type at least 3 characters to search inside e-mails and names.',
  INVALID_CURSOR: 'This page of results is no longer valid. Please search again.',
  SERVICE_TOKEN_NAME_TAKEN: 'A token with this name already exists (revoked ones included). Choose another name.',
  SERVICE_TOKEN_NAME_INVALID: 'Use 1 to 63 lower-case letters, digits, dots or dashes for the name.',
  SERVICE_TOKEN_NOT_FOUND: 'This token does not exist. The list has been refreshed.',
  AUTH_LOCK_NOT_FOUND: 'This lock no longer affects this account. The page has been refreshed.',
  AUTH_LOCK_NOT_ACTIVE: 'This lock has already ended or was lifted. The page has been refreshed.',
  RESET_LINK_INVALID:
    'This link no longer works: it was used, has expired, was cancelled, or the account changed since. Ask support for a new one.',
};
