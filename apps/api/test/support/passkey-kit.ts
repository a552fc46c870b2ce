import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PLAIN_COOKIE_NAME } from '../../src/auth/session-cookie.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../src/auth/csrf.js';
import type { SignedIn } from './builders.js';
import { SoftwareAuthenticator } from './software-authenticator.js';

/** The site the passkey tests run as (PUBLIC_URL), and the app overrides that say so. */
export const PASSKEY_ORIGIN = 'https://mail.example.test';
export const PASSKEY_RP_ID = 'mail.example.test';
export const PASSKEY_APP_CONFIG = { PUBLIC_URL: `${PASSKEY_ORIGIN}/` };

export const csrf = { [CSRF_HEADER]: CSRF_HEADER_VALUE };

export function newAuthenticator(): SoftwareAuthenticator {
  return new SoftwareAuthenticator(PASSKEY_RP_ID, PASSKEY_ORIGIN);
}

export function cookieJar(response: { cookies: { name: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries(response.cookies.filter((c) => c.value !== '').map((c) => [c.name, c.value]));
}

/** Registers a passkey for a stepped-up session through the API; returns the authenticator and the view. */
export async function registerPasskey(app: NestFastifyApplication, session: SignedIn, name = 'Laptop') {
  const authenticator = newAuthenticator();
  const options = await app.inject({
    method: 'POST',
    url: '/api/account/passkeys/registration-options',
    cookies: session.cookies,
    headers: session.headers,
  });
  if (options.statusCode !== 200) throw new Error(`registration options: ${options.statusCode} ${options.body}`);
  const created = await app.inject({
    method: 'POST',
    url: '/api/account/passkeys',
    cookies: session.cookies,
    headers: session.headers,
    payload: { name, response: authenticator.register(options.json()) },
  });
  if (created.statusCode !== 201) throw new Error(`registration: ${created.statusCode} ${created.body}`);
  return { authenticator, passkey: created.json<{ id: string; name: string }>() };
}

/** Signs in with the passkey alone (a fresh browser: options, then the assertion). */
export async function signInWithPasskey(
  app: NestFastifyApplication,
  authenticator: SoftwareAuthenticator,
  tweaks: Parameters<SoftwareAuthenticator['authenticate']>[1] = {},
) {
  const options = await app.inject({ method: 'POST', url: '/api/auth/passkey/sign-in-options', headers: csrf });
  const cookies = cookieJar(options);
  const payload = { response: authenticator.authenticate(options.json(), tweaks) };
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/passkey',
    headers: csrf,
    cookies,
    payload,
  });
  const session = response.cookies.find((cookie) => cookie.name === PLAIN_COOKIE_NAME && cookie.value !== '');
  return { response, cookies, payload, sessionCookies: session ? { [PLAIN_COOKIE_NAME]: session.value } : null };
}
