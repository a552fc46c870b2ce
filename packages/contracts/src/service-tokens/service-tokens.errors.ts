import { defineErrorCodes } from '../common/error-codes.js';

export const ServiceTokensErrors = defineErrorCodes({
  // Thrown when a token is created with a name that another token (revoked ones included) already has.
  SERVICE_TOKEN_NAME_TAKEN: { status: 409, message: 'A service token with this name already exists.' },
  // Thrown when revoking a token that does not exist.
  SERVICE_TOKEN_NOT_FOUND: { status: 404, message: 'No service token has this id.' },
  // Thrown when the token name is not 1-63 lower-case letters, digits, dots or dashes.
  SERVICE_TOKEN_NAME_INVALID: { status: 400, message: 'Use 1-63 lower-case letters, digits, dots or dashes.' },
});
