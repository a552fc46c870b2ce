import { defineErrorCodes } from '../common/error-codes.js';

export const AuthLocksErrors = defineErrorCodes({
  // Thrown when lifting a lock that does not exist.
  AUTH_LOCK_NOT_FOUND: { status: 404, message: 'This lock does not exist.' },
  // Thrown when lifting a lock that has already ended or was lifted.
  AUTH_LOCK_NOT_ACTIVE: { status: 409, message: 'This lock has already ended.' },
});
