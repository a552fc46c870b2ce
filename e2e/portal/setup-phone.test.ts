// The QR hand-off in Chromium: the desktop session makes the link (the QR image carries it), a phone
// signed in as the same user spends it once; another user's session, a second use and an expired
// link are refused with the same plain message. The phone layout is 360 × 740.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPortal, pageErrors } from '../support/browser.js';
import { expectHeading, signInWithPassword } from '../support/portal-actions.js';
import { startPortalServer, type PortalServer } from '../support/portal-server.js';
import { saveScreenshot } from '../support/screenshots.js';

const PHONE = { width: 360, height: 740 };
const INVALID = 'This setup link is no longer valid';

describe('QR hand-off to the phone', () => {
  let server: PortalServer;
  let browser: Browser;
  let desktop: Page;
  let owner: Awaited<ReturnType<PortalServer['createUser']>>;
  let stranger: Awaited<ReturnType<PortalServer['createUser']>>;
  const contexts: BrowserContext[] = [];

  /** A fresh browser profile with a phone's screen, signed in as `user`. */
  async function phoneSignedInAs(user: { email: string; password: string }): Promise<Page> {
    const { context, page } = await openPortal(browser, server.baseUrl);
    contexts.push(context);
    await page.setViewportSize(PHONE);
    await signInWithPassword(page, user.email, user.password);
    await expectHeading(page, 'Mail programs');
    return page;
  }

  /** "Show QR code" on the desktop page; the link is the one drawn into the QR image. */
  async function createLink(deviceName: string): Promise<string> {
    await desktop.getByLabel('Device name').fill(deviceName);
    await desktop.getByRole('button', { name: 'Show QR code' }).click();
    const qr = desktop.getByRole('img', { name: 'QR code with a setup link for your phone' });
    await expect.poll(() => qr.getAttribute('data-link')).toContain('/setup/phone#');
    const link = (await qr.getAttribute('data-link'))!;
    return link;
  }

  async function openLink(
    phone: Page,
    link: string,
    as: 'Install profile (iPhone, iPad)' | 'Show settings to copy (Android and others)',
  ) {
    await phone.goto(link);
    await expectHeading(phone, 'Finish setting up your phone');
    await phone.getByRole('button', { name: as }).click();
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPortalServer(), launchBrowser()]);
    [owner, stranger] = await Promise.all([
      server.createUser({ imap: true, smtp: true }),
      server.createUser({ imap: true, smtp: true }),
    ]);
    ({ page: desktop } = await openPortal(browser, server.baseUrl));
    await signInWithPassword(desktop, owner.email, owner.password);
    await expectHeading(desktop, 'Mail programs');
    await desktop.goto('/setup-device');
    await expectHeading(desktop, 'Set up a device');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses another account’s session, then gives the owner’s phone the settings once', async () => {
    const link = await createLink('Erika Pixel');
    await saveScreenshot(desktop, 'setup-phone-qr-desktop');

    const strangersPhone = await phoneSignedInAs(stranger);
    await openLink(strangersPhone, link, 'Show settings to copy (Android and others)');
    await strangersPhone.getByText(INVALID).waitFor();
    await saveScreenshot(strangersPhone, 'setup-phone-refused', { fullPage: false });

    const phone = await phoneSignedInAs(owner);
    await openLink(phone, link, 'Show settings to copy (Android and others)');
    await phone.getByRole('button', { name: 'Copy app password' }).waitFor();
    const secret = await phone.locator('code.secret').textContent();
    expect(secret?.length).toBeGreaterThan(10);
    // The app password is the owner's, named after the device, and the stranger got none.
    const made = await server.prisma.appPassword.findMany({ where: { userId: { in: [owner.id, stranger.id] } } });
    expect(made.map((row) => [row.userId, row.name])).toEqual([[owner.id, 'Erika Pixel']]);
    await phone.getByText('Waiting for the first login from your device').waitFor();
    const overflow = await phone.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // One phone screen (360 × 740) from the page's heading: the README shows this one.
    await phone.getByRole('heading', { level: 1 }).evaluate((heading) => heading.scrollIntoView());
    await saveScreenshot(phone, 'setup-phone-settings', { fullPage: false });

    // The same link scanned a second time, even on the owner's own phone: refused.
    const again = await phone.context().newPage();
    await openLink(again, link, 'Install profile (iPhone, iPad)');
    await again.getByText(INVALID).waitFor();
    expect(pageErrors(phone)).toEqual([]);
  });

  it('signs the phone in first and still finishes: the link survives the sign-in, the profile is downloaded', async () => {
    const link = await createLink('Erika iPad');
    const { context, page: phone } = await openPortal(browser, server.baseUrl);
    contexts.push(context);
    await phone.setViewportSize(PHONE);
    await phone.goto(link);
    await phone.getByLabel('Email address').fill(owner.email);
    await phone.getByLabel('Password', { exact: true }).fill(owner.password);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await expectHeading(phone, 'Finish setting up your phone');
    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      phone.getByRole('button', { name: 'Install profile (iPhone, iPad)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Erika-iPad.mobileconfig');
    await phone.getByText('The profile was downloaded').waitFor();
    await saveScreenshot(phone, 'setup-phone-profile', { fullPage: false });
  });

  it('refuses a link after it expired', async () => {
    const link = await createLink('Erika old phone');
    // Ten minutes later, as far as the link is concerned.
    const expired = await server.prisma.deviceHandoff.updateMany({
      where: { userId: owner.id, deviceName: 'Erika old phone' },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect(expired.count).toBe(1);
    const phone = await phoneSignedInAs(owner);
    await openLink(phone, link, 'Show settings to copy (Android and others)');
    await phone.getByText(INVALID).waitFor();
    expect(await server.prisma.appPassword.count({ where: { userId: owner.id, name: 'Erika old phone' } })).toBe(0);
  });
});
