import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedInAs } from '../../apps/api/test/support/builders.js';
import { giveRecoveryAddress, tokenMailedTo } from '../../apps/api/test/support/recovery-kit.js';
import { SecretKeyring } from '../../apps/api/src/infrastructure/common/crypto/secret-keyring.js';
import { seriousAccessibilityFindings } from '../support/accessibility.js';
import { openPortal, pageErrors } from '../support/browser.js';
import { expectHeading, openSignedIn } from '../support/portal-actions.js';
import { hasPassword, type PortalServer, withPortal } from '../support/portal-server.js';
import { saveScreenshot } from '../support/screenshots.js';

const NEW_PASSWORD = 'copper lighthouse behind the winter orchard';
const REASON = 'Caller said they were locked out, identity checked by phone';

describe('security page: pending password-reset links from support', () => {
  let server: PortalServer;
  let browser: Browser;
  let page: Page;
  let user: Awaited<ReturnType<PortalServer['createUser']>>;
  let linkUrl: string;

  withPortal((started) => ({ server, browser } = started));
  beforeAll(async () => {
    user = await server.createUser({ displayName: 'Mira Beispiel' });
    // Support sends a link to the user's recovery address through the panel's API, as the panel would;
    // the user opens it from that mailbox (read here from the outbox).
    const recovery = await giveRecoveryAddress(server.app, user.id);
    const support = await createUser(server.prisma, {
      role: 'SUPPORT',
      totp: true,
      keyring: server.app.get(SecretKeyring),
    });
    const staffSession = await signedInAs(server.app, support);
    const issued = await server.app.inject({
      method: 'POST',
      url: `/api/admin/users/${user.id}/password-reset-links`,
      cookies: staffSession.cookies,
      headers: staffSession.headers,
      payload: { reason: REASON },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const token = await tokenMailedTo(server.app, recovery, 'PASSWORD_RESET_LINK');
    linkUrl = `${server.baseUrl}/reset-password#token=${token}`;

    ({ page } = await openSignedIn(browser, server.baseUrl, user));
  });

  it('shows the open link: created by support, why, and until when; passes axe', async () => {
    await page.getByRole('link', { name: 'Security' }).click();
    await expectHeading(page, 'Security');
    await page.getByRole('heading', { level: 2, name: 'Password-reset links from support' }).waitFor();
    const links = page.getByRole('list', { name: 'Open password-reset links' });
    await expect.poll(() => links.getByRole('listitem').count()).toBe(1);
    await links.getByText('Created by support').waitFor();
    await links.getByText(`Reason given: ${REASON}`).waitFor();
    await links.getByText(/valid until/).waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'security-reset-links');
  });

  it('cancels it without a step-up; the link then no longer sets a password', async () => {
    await server.expireStepUp(user.id);
    await page.getByRole('button', { name: /^Cancel link created/ }).click();
    await page.getByRole('status').getByText('The link was cancelled and no longer works.').waitFor();
    await page.getByText('There are no open links for your account.').waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);

    const { context: other, page: linkPage } = await openPortal(browser, server.baseUrl);
    await linkPage.goto(linkUrl);
    await expectHeading(linkPage, 'Choose a new password');
    // Said at once, before anyone types a password for nothing.
    await linkPage.getByText('This link no longer works', { exact: false }).waitFor();
    expect(await linkPage.getByLabel('New password', { exact: true }).count()).toBe(0);
    const redeemed = await server.app.inject({
      method: 'POST',
      url: '/api/password-reset',
      headers: { 'x-requested-with': 'mailgate' },
      payload: { token: linkUrl.split('#token=')[1], newPassword: NEW_PASSWORD },
    });
    expect(redeemed.json()).toMatchObject({ code: 'RESET_LINK_INVALID' });
    expect(await seriousAccessibilityFindings(linkPage)).toEqual([]);
    expect(pageErrors(linkPage)).toEqual([]);
    await other.close();

    expect(await hasPassword(server, user.id, user.password)).toBe(true);
  });

  it('had no script errors', () => {
    expect(pageErrors(page)).toEqual([]);
  });
});
