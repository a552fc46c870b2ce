import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ForgotPasswordService } from '../../apps/api/src/recovery/forgot-password.service.js';
import { freshTotpCode } from '../../apps/api/test/support/builders.js';
import { giveRecoveryAddress, tokenMailedTo } from '../../apps/api/test/support/recovery-kit.js';
import { seriousAccessibilityFindings } from '../support/accessibility.js';
import { openPortal, pageErrors } from '../support/browser.js';
import { confirmStepUp, expectHeading, openSignedIn, setPasswordFromResetLink } from '../support/portal-actions.js';
import { hasPassword, type PortalServer, withPortal } from '../support/portal-server.js';
import { saveScreenshot } from '../support/screenshots.js';

const NEW_PASSWORD = 'saffron ferry crossing under grey november light';

describe('account recovery in Chromium', () => {
  let server: PortalServer;
  let browser: Browser;
  let page: Page;
  let user: Awaited<ReturnType<PortalServer['createUser']>>;
  const recovery = `recovery-${Date.now()}@example.org`;

  withPortal((started) => ({ server, browser } = started));
  beforeAll(async () => {
    user = await server.createUser({ displayName: 'Lena Beispiel' });
    ({ page } = await openSignedIn(browser, server.baseUrl, user));
  });

  it('adds a recovery address after a step-up and confirms it with the mailed link', async () => {
    await page.getByRole('link', { name: 'Security' }).click();
    await expectHeading(page, 'Security');
    await page.getByRole('heading', { level: 2, name: 'Recovery address' }).waitFor();
    await page.getByText('You have no recovery address yet', { exact: false }).waitFor();
    await server.expireStepUp(user.id);
    await page.getByRole('textbox', { name: 'Recovery address' }).fill(recovery);
    await page.getByRole('button', { name: 'Send confirmation link' }).click();
    await confirmStepUp(page, { password: user.password });
    await page.getByText(`Waiting for confirmation: ${recovery}`, { exact: false }).waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'security-recovery-pending');

    const token = await tokenMailedTo(server.app, recovery, 'RECOVERY_CONFIRM');
    const { context, page: mailPage } = await openPortal(browser, server.baseUrl);
    await mailPage.goto(`${server.baseUrl}/confirm-recovery-address#token=${token}`);
    await expectHeading(mailPage, 'Confirm your recovery address');
    await mailPage.getByText('is now your recovery address', { exact: false }).waitFor();
    expect(mailPage.url()).not.toContain('token=');
    expect(pageErrors(mailPage)).toEqual([]);
    await context.close();

    await page.reload();
    await page.getByText(`Your recovery address: ${recovery}`).waitFor();
  });

  it('a forgotten password: the link goes to the recovery address and sets a new password', async () => {
    const { context, page: signedOut } = await openPortal(browser, server.baseUrl);
    await signedOut.goto(`${server.baseUrl}/sign-in`);
    await signedOut.getByRole('link', { name: 'Forgot your password?' }).click();
    await expectHeading(signedOut, 'Forgot your password');
    await signedOut.getByLabel('Your Mailgate address').fill(user.email);
    await signedOut.getByRole('button', { name: 'Send link' }).click();
    await signedOut.getByText('If this mailbox has a confirmed recovery address', { exact: false }).waitFor();
    expect(await seriousAccessibilityFindings(signedOut)).toEqual([]);
    await saveScreenshot(signedOut, 'forgot-password-sent');

    await server.app.get(ForgotPasswordService).settled();
    const token = await tokenMailedTo(server.app, recovery, 'PASSWORD_RESET_LINK');
    await setPasswordFromResetLink(signedOut, server.baseUrl, token, NEW_PASSWORD);
    await signedOut.getByText('Your password was changed.', { exact: false }).waitFor();
    expect(await hasPassword(server, user.id, NEW_PASSWORD)).toBe(true);
    expect(pageErrors(signedOut)).toEqual([]);
    await context.close();
  });

  it('with 2FA on, the reset page asks for a code before it sets the password', async () => {
    const secured = await server.createUser({ displayName: 'Timo Beispiel', totp: true });
    const address = await giveRecoveryAddress(server.app, secured.id, `timo-${Date.now()}@example.org`);
    const forgot = await server.app.inject({
      method: 'POST',
      url: '/api/password-reset/request',
      headers: { 'x-requested-with': 'mailgate' },
      payload: { email: secured.email },
    });
    expect(forgot.statusCode).toBe(204);
    await server.app.get(ForgotPasswordService).settled();
    const token = await tokenMailedTo(server.app, address, 'PASSWORD_RESET_LINK');

    const { context, page: signedOut } = await openPortal(browser, server.baseUrl);
    await setPasswordFromResetLink(signedOut, server.baseUrl, token, NEW_PASSWORD);
    await signedOut.getByText('Two-step sign-in is on: also enter a code', { exact: false }).waitFor();
    await signedOut.getByLabel('Authentication code').fill(await freshTotpCode(server.app, secured));
    expect(await seriousAccessibilityFindings(signedOut)).toEqual([]);
    await signedOut.getByRole('button', { name: 'Set new password' }).click();
    await signedOut.getByText('Your password was changed.', { exact: false }).waitFor();
    expect(await hasPassword(server, secured.id, NEW_PASSWORD)).toBe(true);
    await context.close();
  });
});
