import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../apps/api/src/auth/password-hasher.js';
import { ForgotPasswordService } from '../../apps/api/src/recovery/forgot-password.service.js';
import { giveRecoveryAddress, tokenMailedTo } from '../../apps/api/test/support/recovery-kit.js';
import { seriousAccessibilityFindings } from '../support/accessibility.js';
import { launchBrowser, openPortal, pageErrors } from '../support/browser.js';
import { expectHeading } from '../support/portal-actions.js';
import { startPortalServer, type PortalServer } from '../support/portal-server.js';
import { saveScreenshot } from '../support/screenshots.js';

const STRONG = 'amber tramline beneath the quiet harbour wall';
/** Long and hard to guess for zxcvbn alone, but built on the account's own name. */
const BUILT_ON_NAME = 'Oskarsson amber tramline harbour wall';
/** The chunk that carries the blocklist: the heaviest of the word lists. */
const WORD_LISTS = /blocklist-data/;

describe('the password-reset page judges a new password as the server will', () => {
  let server: PortalServer;
  let browser: Browser;
  let page: Page;
  let user: Awaited<ReturnType<PortalServer['createUser']>>;
  const requested: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPortalServer(), launchBrowser()]);
    user = await server.createUser({ displayName: 'Greta Oskarsson' });
    const address = await giveRecoveryAddress(server.app, user.id, `greta-${Date.now()}@example.org`);
    const forgot = await server.app.inject({
      method: 'POST',
      url: '/api/password-reset/request',
      headers: { 'x-requested-with': 'mailgate' },
      payload: { email: user.email },
    });
    expect(forgot.statusCode).toBe(204);
    await server.app.get(ForgotPasswordService).settled();
    const token = await tokenMailedTo(server.app, address, 'PASSWORD_RESET_LINK');
    ({ page } = await openPortal(browser, server.baseUrl));
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.baseUrl}/reset-password#token=${token}`);
    await expectHeading(page, 'Choose a new password');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('names the minimum length before typing, and loads no word lists until then', async () => {
    await page.getByText('At least 15 characters, at most 128.', { exact: false }).waitFor();
    expect(requested.filter((url) => WORD_LISTS.test(url))).toEqual([]);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });

  it('never calls a password built on the account’s name strong, and does not send it', async () => {
    const newPassword = page.getByLabel('New password', { exact: true });
    await newPassword.fill('short');
    await page.getByText('Use at least 15 characters (now 5).').waitFor();
    await expect.poll(() => requested.filter((url) => WORD_LISTS.test(url)).length).toBeGreaterThan(0);

    await newPassword.fill(BUILT_ON_NAME);
    await page.getByText('Do not build it from your email address, your name', { exact: false }).waitFor();
    const meter = page.getByRole('meter', { name: 'Password strength' });
    expect(Number(await meter.getAttribute('value'))).toBeLessThanOrEqual(1);
    await page.getByText(/^Password strength: (Very weak|Weak)$/).waitFor();
    await page.getByLabel('Repeat the new password').fill(BUILT_ON_NAME);
    const redemptions = requested.filter((url) => url.endsWith('/api/password-reset')).length;
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('alert').getByText('The new password contains your', { exact: false }).waitFor();
    expect(requested.filter((url) => url.endsWith('/api/password-reset')).length).toBe(redemptions);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'reset-page-meter-refused');
  });

  it('accepts a strong password the same way the server does', async () => {
    await page.getByLabel('New password', { exact: true }).fill(STRONG);
    await page.getByText('This password meets all the rules.', { exact: false }).waitFor();
    await page.getByLabel('Repeat the new password').fill(STRONG);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Your password was changed.', { exact: false }).waitFor();
    const changed = await server.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(changed.passwordHash, STRONG)).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });
});
