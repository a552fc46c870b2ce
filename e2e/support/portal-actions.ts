import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPortal, type PortalPage } from './browser.js';

/**
 * Signs in through the form, as a person would; stops at the 2FA step when one is asked for.
 * `from`: where the browser goes first (a page that needs a session sends it to sign-in and back).
 */
export async function signInWithPassword(
  page: Page,
  email: string,
  password: string,
  { from = '/sign-in' }: { from?: string } = {},
): Promise<void> {
  await page.goto(from);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A new browser context on the portal, signed in with the password and arrived on the start page. */
export async function openSignedIn(
  browser: Browser,
  baseUrl: string,
  user: { email: string; password: string },
): Promise<PortalPage> {
  const portal = await openPortal(browser, baseUrl);
  await signInWithPassword(portal.page, user.email, user.password);
  await expectHeading(portal.page, 'Mail programs');
  return portal;
}

/** Follows a mailed reset link and sends a new password, typed twice, as a person would. */
export async function setPasswordFromResetLink(
  page: Page,
  baseUrl: string,
  token: string,
  newPassword: string,
): Promise<void> {
  await page.goto(`${baseUrl}/reset-password#token=${token}`);
  await expectHeading(page, 'Choose a new password');
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
}

/** Password, then a code from the authenticator app at the second step. */
export async function signInWithTotp(
  page: Page,
  user: { email: string; password: string },
  code: string,
  options: { from?: string } = {},
): Promise<void> {
  await signInWithPassword(page, user.email, user.password, options);
  await page.getByLabel('Authentication code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
}

export async function expectHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The step-up dialog, answered with the password or a TOTP code. */
export async function confirmStepUp(page: Page, secret: { password: string } | { code: string }): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
  await dialog.waitFor();
  if ('password' in secret) await dialog.getByLabel('Your password').fill(secret.password);
  else await dialog.getByLabel('Authentication code').fill(secret.code);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.waitFor({ state: 'detached' });
}

export async function expectChecked(page: Page, switchName: string, checked: boolean): Promise<void> {
  await expect
    .poll(() => page.getByRole('switch', { name: switchName }).getAttribute('aria-checked'))
    .toBe(String(checked));
}
