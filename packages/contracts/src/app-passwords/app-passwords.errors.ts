import { defineErrorCodes } from '../common/error-codes.js';

export const AppPasswordsErrors = defineErrorCodes({
  // Thrown when creating an app password while the user already has the maximum number of active ones.
  APP_PASSWORD_LIMIT_REACHED: {
    status: 409,
    message: 'You have reached the maximum number of app passwords. Revoke one you no longer use first.',
  },
});
