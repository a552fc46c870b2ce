import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/accessibility.js';
import { pageErrors } from '../support/browser.js';
import { confirmStepUp, expectHeading, openSignedIn, signInWithPassword } from '../support/portal-actions.js';
import { hasPassword, type PortalServer, withPortal } from '../support/portal-server.js';
import { saveScreenshot } from '../support/screenshots.js';
import { secretFromManualKey, TotpDevice } from '../support/totp.js';

const STRONG_PASSWORD = 'velvet orchard tram ticket under a quiet ceiling';

describe('security page: password, two-step sign-in, sessions', () => {
  let server: PortalServer;
  let browser: Browser;
  let page: Page;
  let otherPage: Page;
  let user: Awaited<ReturnType<PortalServer['createUser']>>;
  let device: TotpDevice;
  let recoveryCodes: string[] = [];

  withPortal((started) => ({ server, browser } = started));
  beforeAll(async () => {
    user = await server.createUser({ displayName: 'Jonas Beispiel' });
    // A second browser, signed in as the same user: "sign out other sessions" must reach it.
    ({ page: otherPage } = await openSignedIn(browser, server.baseUrl, user));
    ({ page } = await openSignedIn(browser, server.baseUrl, user));
  });

  it('lists both sessions, marking this one, and passes axe', async () => {
    await page.getByRole('link', { name: 'Security' }).click();
    await expectHeading(page, 'Security');
    const sessions = page.getByRole('list', { name: 'Active sessions' });
    await expect.poll(() => sessions.getByRole('listitem').count()).toBe(2);
    await sessions.getByText('This device').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });

  it('explains why a weak password is not accepted while it is typed', async () => {
    await page.getByLabel('Current password').fill(user.password);
    await page.getByLabel('New password').fill('jonas2024');
    const reasons = page.locator('.strength__problems');
    await reasons.getByText('Use at least 15 characters (now 9).').waitFor();
    await reasons.getByText('Do not build it from your email address, your name', { exact: false }).waitFor();
    await page.getByLabel('New password').fill('jonas beispiel mailbox');
    await reasons.getByText('Do not build it from your email address, your name', { exact: false }).waitFor();
    expect(await reasons.getByText('Use at least 15 characters', { exact: false }).count()).toBe(0);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'security-weak-password');

    // Sending it anyway changes nothing and repeats the reason.
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').filter({ hasText: 'contains your email address, your name' }).waitFor();
    expect(await hasPassword(server, user.id, user.password)).toBe(true);
  });

  it('sets a strong password and signs the other session out', async () => {
    await page.getByLabel('New password').fill(STRONG_PASSWORD);
    await page.getByText('This password meets all the rules.').waitFor();
    expect(await page.getByLabel('Sign out my other sessions').isChecked()).toBe(true);
    expect(await page.getByLabel('Also revoke my app passwords').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Change password' }).click();
    const confirmation = page.getByRole('status').filter({ hasText: 'Your password was changed.' });
    await confirmation.getByText('Other sessions signed out: 1.', { exact: false }).waitFor();
    expect(await hasPassword(server, user.id, STRONG_PASSWORD)).toBe(true);
    await page.getByText('You are not signed in anywhere else.').waitFor();

    // The other browser finds its session gone at its next request and is sent to sign in.
    await otherPage.getByRole('link', { name: 'Activity' }).click();
    await expectHeading(otherPage, 'Sign in');
    await otherPage.getByText('Your session has ended. Please sign in again.').waitFor();
  });

  it('sets up two-step sign-in with a locally drawn QR code and shows the recovery codes once', async () => {
    await server.expireStepUp(user.id);
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await confirmStepUp(page, { password: STRONG_PASSWORD });
    const dialog = page.getByRole('dialog', { name: 'Set up two-step sign-in' });
    const qr = dialog.getByRole('img', { name: 'QR code to add Mailgate to your authenticator app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await qr.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(100);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'totp-enrollment', { fullPage: false });

    device = new TotpDevice(secretFromManualKey(await dialog.getByLabel('Setup key').inputValue()));
    await dialog.getByLabel('Code from the app').fill('000000');
    await dialog.getByRole('button', { name: 'Turn on' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'That code is not correct' }).waitFor();
    await dialog.getByLabel('Code from the app').fill(await device.nextCode());
    await dialog.getByRole('button', { name: 'Turn on' }).click();

    const codes = dialog.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect.poll(() => codes.count()).toBe(10);
    recoveryCodes = await codes.allTextContents();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download as a text file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('mailgate-recovery-codes.txt');
    const file = await readFile((await download.path()) ?? '', 'utf8');
    for (const code of recoveryCodes) expect(file).toContain(code);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'I have saved them' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('10 recovery codes left.').waitFor();
    expect(await page.content()).not.toContain(recoveryCodes[0]);
    await saveScreenshot(page, 'security');
  });

  it('tells the user on the mail programs page that mail programs now need an app password', async () => {
    await page.getByRole('link', { name: 'Mail programs' }).click();
    await page.getByText('Your account password does not work in mail programs').waitFor();
    await page.getByRole('link', { name: 'Create an app password' }).click();
    await page.getByRole('dialog', { name: 'Create an app password' }).waitFor();
    await page.keyboard.press('Escape');
    await expectHeading(page, 'App passwords');
  });

  it('asks for a code from the app, not the password, to confirm sensitive actions', async () => {
    await server.expireStepUp(user.id);
    await page.goto('/');
    await page.getByRole('switch', { name: 'SMTP access' }).click();
    await page.getByRole('dialog', { name: 'Turn on SMTP' }).getByRole('button', { name: 'Turn on SMTP' }).click();
    await page.getByText('Please enter the current code from your authenticator app.', { exact: false }).waitFor();
    await confirmStepUp(page, { code: await device.nextCode() });
    await expect
      .poll(() => page.getByRole('switch', { name: 'SMTP access' }).getAttribute('aria-checked'))
      .toBe('true');
  });

  it('signs out, then signs in with password and TOTP code', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectHeading(page, 'Sign in');
    await page.getByText('You have been signed out.').waitFor();
    await signInWithPassword(page, user.email, STRONG_PASSWORD);
    await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.getByLabel('Authentication code').fill(await device.nextCode());
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectHeading(page, 'Mail programs');
  });

  it('accepts a recovery code once instead of an app code', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    // Wait for the sign-out to land: navigating away at once can cancel its request.
    await expectHeading(page, 'Sign in');
    await signInWithPassword(page, user.email, STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectHeading(page, 'Mail programs');
    await page.getByText('You have 9 recovery codes left', { exact: false }).waitFor();
  });

  it('shows the account history in plain words on the activity page', async () => {
    await page.getByRole('link', { name: 'Activity' }).click();
    await expectHeading(page, 'Activity');
    const events = page.getByRole('list', { name: 'Security events, newest first' });
    for (const text of [
      'Password changed',
      'Two-step sign-in turned on',
      'SMTP turned on',
      'Signed in with a recovery code',
    ]) {
      await events.getByText(text, { exact: true }).first().waitFor();
    }
    await page.getByText('No mail program has tried to log in yet.').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'activity');
  });

  it('had no script errors', () => {
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(otherPage)).toEqual([]);
  });
});
