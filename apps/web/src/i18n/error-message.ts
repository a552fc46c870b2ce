import type {
  AdminErrorCode,
  AppPasswordsErrors,
  AuthErrorCode,
  AuthLocksErrors,
  CommonErrorCode,
  PasskeyErrorCode,
  PasswordErrorCode,
  ProtocolAccessErrors,
  ServiceTokensErrors,
  SessionErrors,
  TotpErrorCode,
} from '@mailgate/contracts';
import { useTranslation } from './use-translation';
import { CLIENT_ERROR_CODES, isApiError } from '../api/http';
import { isStepUpCancelled } from '../api/step-up-error';
import { en } from './en';

type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[keyof typeof CLIENT_ERROR_CODES];
type ErrorCode = keyof typeof en.errors;

/** Every code the portal's and the staff panel's API operations can answer with (the contracts' catalogues). */
type ApiErrorCode =
  | AdminErrorCode
  | AuthErrorCode
  | TotpErrorCode
  | PasskeyErrorCode
  | PasswordErrorCode
  | keyof typeof SessionErrors
  | keyof typeof ProtocolAccessErrors
  | keyof typeof AppPasswordsErrors
  | keyof typeof ServiceTokensErrors
  | keyof typeof AuthLocksErrors;

// Compile-time guard: every code in the contracts' catalogues the SPA talks to, and every code the
// client makes up itself, has a message (de.ts is typed against en.ts, so German has one too).
// Unknown codes fall back to errors.UNKNOWN.
en.errors satisfies Record<CommonErrorCode | ApiErrorCode | ClientErrorCode | 'UNKNOWN', string>;

/** Maps an error code from the API (or the client) to its message key, with a generic fallback. */
export function errorMessageKey(code: string): `errors.${ErrorCode}` {
  return Object.hasOwn(en.errors, code) ? `errors.${code as ErrorCode}` : 'errors.UNKNOWN';
}

/** Returns a function that turns any thrown value into a translated, user-facing message. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => t(errorMessageKey(isApiError(error) ? error.code : 'UNKNOWN'));
}

/**
 * For an action's error: the message, or null when there is none or the user simply closed the
 * step-up dialog (nothing went wrong then, so nothing is shown).
 */
export function useActionError(): (error: unknown) => string | null {
  const errorMessage = useErrorMessage();
  return (error) => (error == null || isStepUpCancelled(error) ? null : errorMessage(error));
}
