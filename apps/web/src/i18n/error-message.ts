import type { CommonErrorCode } from '@mailgate/contracts';
import { useTranslation } from 'react-i18next';
import { CLIENT_ERROR_CODES, isApiError } from '../api/http';
import { en } from './en';

type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[keyof typeof CLIENT_ERROR_CODES];
type ErrorCode = keyof typeof en.errors;

// Compile-time guard: every code in the contracts' common catalogue, and every code the client makes
// up itself, has a message. Feature codes (auth, app passwords, ...) are added to en.errors and de.errors
// together with their feature; unknown codes fall back to errors.UNKNOWN.
en.errors satisfies Record<CommonErrorCode | ClientErrorCode | 'UNKNOWN', string>;

/** Maps an error code from the API (or the client) to its message key, with a generic fallback. */
export function errorMessageKey(code: string): `errors.${ErrorCode}` {
  return Object.hasOwn(en.errors, code) ? `errors.${code as ErrorCode}` : 'errors.UNKNOWN';
}

/** Returns a function that turns any thrown value into a translated, user-facing message. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => t(errorMessageKey(isApiError(error) ? error.code : 'UNKNOWN'));
}
