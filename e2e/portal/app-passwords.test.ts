import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/accessibility.js';
import { pageErrors } from '../support/browser.js';
import { confirmStepUp, expectHeading, openSignedIn } from '../support/portal-actions.js';
import { MAIL_SETTINGS, type PortalServer, withPortal } from '../support/portal-server.js';
import { saveScreenshot } from '../support/screenshots.js';

const NAME = 'Thunderbird on my laptop';
const SECRET_SHAPE = /^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){5}$/;

describe('app passwords page', () => {
  let server: PortalServer;
  let browser: Browser;
  let page: Page;
  let user: Awaited<ReturnType<PortalServer['createUser']>>;
  let secret = '';

  withPortal((started) => ({ server, browser } = started));
  beforeAll(async () => {
    user = await server.createUser();
    ({ page } = await openSignedIn(browser, server.baseUrl, user));
  });

  it('starts empty and passes axe', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'App passwords' }).click();
    await expectHeading(page, 'App passwords');
    await page.getByText('You have no app passwords yet.').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });

  it('explains what is missing when the form is sent empty', async () => {
    await page.getByRole('button', { name: 'Create an app password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an app password' });
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.getByText('Give the app password a name.').waitFor();
    await dialog.getByText('Choose at least one protocol.').waitFor();
    expect(await dialog.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('creates one through the step-up dialog and shows the secret exactly once', async () => {
    await server.expireStepUp(user.id);
    await page.getByRole('button', { name: 'Create an app password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an app password' });
    await dialog.getByLabel('Name').fill(NAME);
    await dialog.getByLabel('IMAP').check();
    await dialog.getByLabel('SMTP').check();
    // IMAP and SMTP are still off for this account: the form says so before it is too late.
    await dialog.getByText('IMAP is currently off for your account', { exact: false }).waitFor();
    // ... and offers to turn it on right there, asking how long first.
    await dialog.getByRole('button', { name: 'Turn on IMAP…' }).click();
    const turnOn = page.getByRole('dialog', { name: 'Turn on IMAP' });
    await turnOn.getByRole('button', { name: 'Turn on IMAP' }).click();
    await confirmStepUp(page, { password: user.password });
    await turnOn.waitFor({ state: 'detached' });
    await dialog.getByText('IMAP is currently off for your account', { exact: false }).waitFor({ state: 'detached' });
    await dialog.getByText('SMTP is currently off for your account', { exact: false }).waitFor();
    await dialog.getByLabel('Expires').selectOption('90d');
    // Confirmed a moment ago: creating needs no second confirmation.
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();

    const created = page.getByRole('dialog', { name: 'Your new app password' });
    const secretField = created.getByLabel(`App password for “${NAME}”`);
    secret = await secretField.inputValue();
    expect(secret).toMatch(SECRET_SHAPE);
    // Focus moved to the secret, so a keyboard user can copy it at once.
    expect(await secretField.evaluate((element) => element === document.activeElement)).toBe(true);
    for (const protocol of ['IMAP', 'SMTP']) {
      await created.getByRole('region', { name: `Settings for your mail program (${protocol})` }).waitFor();
    }
    expect(await created.textContent()).toContain(MAIL_SETTINGS.smtpHost);

    await created.getByRole('button', { name: 'Copy app password' }).click();
    await created.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'app-password-created', { fullPage: false });

    // Stored as a keyed hash only.
    const stored = await server.prisma.appPassword.findFirstOrThrow({ where: { userId: user.id, name: NAME } });
    expect(stored.secretHash).not.toContain(secret.replaceAll('-', ''));
    expect(stored.scopes).toEqual(['IMAP', 'SMTP']);

    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: new RegExp(NAME) });
    await row.getByText('IMAP, SMTP').waitFor();
    await row.getByText('Not used yet').waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.getByRole('row', { name: new RegExp(NAME) }).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'app-passwords');
  });

  it('revokes it after a confirmation', async () => {
    await page.getByRole('button', { name: `Revoke “${NAME}”` }).click();
    const confirm = page.getByRole('dialog', { name: `Revoke “${NAME}”?` });
    // The safe choice has the focus.
    expect(await confirm.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement)).toBe(
      true,
    );
    await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
    await confirm.waitFor({ state: 'detached' });
    await page
      .getByRole('row', { name: new RegExp(NAME) })
      .getByText('Revoked')
      .waitFor();
    const stored = await server.prisma.appPassword.findFirstOrThrow({ where: { userId: user.id, name: NAME } });
    expect(stored.revokedAt).not.toBeNull();
  });

  it('revokes all active ones at once', async () => {
    for (const name of ['Phone', 'Tablet']) {
      await page.getByRole('button', { name: 'Create an app password' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create an app password' });
      await dialog.getByLabel('Name').fill(name);
      await dialog.getByLabel('IMAP').check();
      await dialog.getByRole('button', { name: 'Create', exact: true }).click();
      await page.getByRole('dialog', { name: 'Your new app password' }).getByRole('button', { name: 'Done' }).click();
    }
    await page.getByText('2 of 25 in use').waitFor();
    await page.getByRole('button', { name: 'Revoke all' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke all app passwords?' });
    await confirm.getByRole('button', { name: 'Revoke all' }).click();
    await page.getByText('2 app passwords were revoked.').waitFor();
    await page.getByText('0 of 25 in use').waitFor();
    expect(await server.prisma.appPassword.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });

  it('had no script errors', () => {
    expect(pageErrors(page)).toEqual([]);
  });
});
