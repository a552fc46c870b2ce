import type { PasskeyOptions } from '@mailgate/contracts';
import { ApiError, CLIENT_ERROR_CODES } from '../http';

// The browser side of a passkey ceremony, through @simplewebauthn/browser (loaded on demand, so
// pages without passkeys do not carry it). A prompt the user closed, or one the browser refused,
// becomes an ApiError with a client code, so forms show it like any other error.

function ceremonyError(error: unknown): never {
  const name = (error as { name?: string } | null)?.name;
  const cancelled = name === 'NotAllowedError' || name === 'AbortError';
  throw new ApiError({
    status: 0,
    code: cancelled ? CLIENT_ERROR_CODES.passkeyCancelled : CLIENT_ERROR_CODES.passkeyUnavailable,
  });
}

export async function createPasskey(options: PasskeyOptions) {
  const { startRegistration, browserSupportsWebAuthn } = await import('@simplewebauthn/browser');
  if (!browserSupportsWebAuthn()) ceremonyError(null);
  try {
    return await startRegistration({
      optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'],
    });
  } catch (error) {
    return ceremonyError(error);
  }
}

export async function getPasskeyAssertion(options: PasskeyOptions) {
  const { startAuthentication, browserSupportsWebAuthn } = await import('@simplewebauthn/browser');
  if (!browserSupportsWebAuthn()) ceremonyError(null);
  try {
    return await startAuthentication({
      optionsJSON: options as unknown as Parameters<typeof startAuthentication>[0]['optionsJSON'],
    });
  } catch (error) {
    return ceremonyError(error);
  }
}
