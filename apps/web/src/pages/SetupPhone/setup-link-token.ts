/** Where the phone page lives; the token goes after `#`, so it never reaches a server log. */
export const PHONE_SETUP_PATH = '/setup/phone';

const TOKEN_STORAGE_KEY = 'mailgate.setup-link';

/**
 * Parks the token of a QR link in this tab's sessionStorage and takes it out of the address bar.
 * Runs at start, before the router: a phone without a session is sent to sign-in before the phone
 * page ever mounts, and the way there and back drops the `#…`. The token is useless to anyone but
 * a session of the account that made it.
 */
export function parkSetupLinkToken(location: Location = window.location): void {
  const token = location.pathname === PHONE_SETUP_PATH ? location.hash.slice(1) : '';
  if (!token) return;
  window.sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  window.history.replaceState(window.history.state, '', location.pathname);
}

export function parkedSetupLinkToken(): string | null {
  return window.sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

/** A link works once: whatever the answer, the tab forgets it. */
export function forgetSetupLinkToken(): void {
  window.sessionStorage.removeItem(TOKEN_STORAGE_KEY);
}
