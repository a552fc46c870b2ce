import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import * as plist from 'plist';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginBody, mailAuthEnv, postDecision } from '../../apps/api/test/support/mail-auth-client.js';
import { expectHeading, openSignedIn } from '../support/portal-actions.js';
import { type PortalServer, withPortal } from '../support/portal-server.js';
import { saveScreenshot } from '../support/screenshots.js';

// Chromium downloads the profile; its password then logs in through the mail servers' API (the
// same decision Dovecot asks for). IMAP is off first: the page must say why and offer the fix.
// e2e/mail/setup-device-imap.test.ts does the same with a real IMAP client at a real Dovecot.
describe('set up a device', () => {
  let server: PortalServer;
  let browser: Browser;
  let page: Page;
  let user: Awaited<ReturnType<PortalServer['createUser']>>;
  let password = '';

  withPortal((started) => ({ server, browser } = started), { env: mailAuthEnv() });
  beforeAll(async () => {
    user = await server.createUser({ imap: false, smtp: true });
    ({ page } = await openSignedIn(browser, server.baseUrl, user));
  });

  it('downloads a profile whose app password is named after the device', async () => {
    await page.getByRole('link', { name: 'Set up a phone or computer in one step' }).click();
    await expectHeading(page, 'Set up a device');
    await page.getByLabel('Device name').fill('Erika iPhone');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download profile' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Erika-iPhone.mobileconfig');
    const profile = plist.parse(await readFile(await download.path(), 'utf8')) as {
      PayloadContent: Record<string, unknown>[];
    };
    const [mail] = profile.PayloadContent;
    expect(mail).toMatchObject({
      PayloadType: 'com.apple.mail.managed',
      EmailAccountType: 'EmailTypeIMAP',
      EmailAddress: user.email,
    });
    password = String(mail?.IncomingPassword);
    await page.getByText('Waiting for the first login from your device').waitFor();
    await saveScreenshot(page, 'setup-device-waiting');
  });

  it('shows a refused login (IMAP off) with its reason and turns IMAP on in one click', async () => {
    const clientIp = '10.91.0.7';
    const refused = await postDecision(server.app, loginBody({ email: user.email, password }, { clientIp }));
    expect(refused.json()).toMatchObject({ decision: 'deny', reason: 'PROTOCOL_DISABLED' });
    await page.getByText(/Refused at .*\(IMAP\)/).waitFor({ timeout: 10_000 });
    await saveScreenshot(page, 'setup-device-refused');
    await page.getByRole('button', { name: 'Turn IMAP on' }).click();
    await page.getByText('IMAP is on now. Try again in the mail program.').waitFor();

    const allowed = await postDecision(server.app, loginBody({ email: user.email, password }, { clientIp }));
    expect(allowed.json()).toMatchObject({ decision: 'allow' });
    await page.getByText(/Connected: IMAP from 10\.91\.0\.7/).waitFor({ timeout: 10_000 });
    await saveScreenshot(page, 'setup-device-connected');
  });

  it('fits a 360 px phone screen', async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'setup-device-phone');
  });
});
