import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/accessibility.js';
import { launchBrowser, openPortal, pageErrors } from '../support/browser.js';
import { confirmStepUp, expectChecked, expectHeading, signInWithPassword } from '../support/portal-actions.js';
import { MAIL_SETTINGS, startPortalServer, type PortalServer } from '../support/portal-server.js';
import { saveScreenshot } from '../support/screenshots.js';

describe('mail programs page', () => {
  let server: PortalServer;
  let browser: Browser;
  let page: Page;
  let user: Awaited<ReturnType<PortalServer['createUser']>>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPortalServer(), launchBrowser()]);
    user = await server.createUser({ displayName: 'Erika Muster' });
    ({ page } = await openPortal(browser, server.baseUrl));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a visitor without a session to the sign-in page, which passes axe', async () => {
    await page.goto('/');
    await expectHeading(page, 'Sign in');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'sign-in');
  });

  it('refuses a wrong password with the translated reason', async () => {
    await signInWithPassword(page, user.email, 'not-the-password-at-all');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('The email address or the password is not correct.');
  });

  it('signs in and shows all three protocols off, with help texts', async () => {
    await signInWithPassword(page, user.email, user.password);
    await expectHeading(page, 'Mail programs');
    for (const name of ['IMAP access', 'POP3 access', 'SMTP access']) await expectChecked(page, name, false);
    await page.getByText('Right now all three are off: no mail program can log in.').waitFor();
    await page.getByText('Why is everything off by default?').waitFor();
    // With 2FA off the account password is the mail password: said plainly, with the two ways out.
    await page.getByText('Your account password is also your mail password').waitFor();
    await page.getByRole('link', { name: 'Turn on two-step sign-in' }).waitFor();
    await page.getByText('can read every message you ever received', { exact: false }).waitFor();
    await page.getByText('Thunderbird', { exact: true }).click();
    await page.getByText('choose Configure manually', { exact: false }).waitFor();
    const learnMore = page.getByText('Learn more about POP3');
    await learnMore.click();
    await page.getByText('fetched messages disappear from the server', { exact: false }).waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });

  it('closes the step-up dialog with Escape, returns focus and changes nothing', async () => {
    // Signing in counts as a fresh confirmation; pretend its few minutes have passed.
    await server.expireStepUp(user.id);
    const pop3 = page.getByRole('switch', { name: 'POP3 access' });
    await pop3.focus();
    await page.keyboard.press('Space');
    // The switch asks how first; only "Turn on POP3" acts (and asks to confirm).
    const choices = page.getByRole('dialog', { name: 'Turn on POP3' });
    await choices.getByLabel('Until I turn it off').waitFor();
    expect(await choices.getByLabel('Keep a copy of every message on the server').isChecked()).toBe(true);
    await expectChecked(page, 'POP3 access', false);
    await choices.getByRole('button', { name: 'Turn on POP3' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    await dialog.waitFor();
    // Focus starts in the dialog and stays there when tabbing past its last control.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await choices.waitFor({ state: 'detached' });
    expect(await pop3.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectChecked(page, 'POP3 access', false);
  });

  it('turns IMAP on through the step-up dialog and shows the server settings', async () => {
    await page.getByRole('switch', { name: 'IMAP access' }).click();
    await page.getByRole('dialog', { name: 'Turn on IMAP' }).getByRole('button', { name: 'Turn on IMAP' }).click();
    await confirmStepUp(page, { password: user.password });
    await expectChecked(page, 'IMAP access', true);
    const settings = page.getByRole('region', { name: /Settings for your mail program \(IMAP\)/ });
    await settings.waitFor();
    const text = await settings.textContent();
    expect(text).toContain(MAIL_SETTINGS.imapHost);
    expect(text).toContain(String(MAIL_SETTINGS.imapPort));
    expect(text).toContain(user.email);
    await page.getByText('On until you turn it off').waitFor();
    await page.getByText('Right now on: IMAP. The others are off.').waitFor();

    // The change is real: stored, and listed under Activity. This session made it, so it raises no
    // "was this you?" notice here (the user's other sessions get one).
    const row = await server.prisma.protocolAccess.findUnique({
      where: { userId_protocol: { userId: user.id, protocol: 'IMAP' } },
    });
    expect(row?.enabled).toBe(true);
    await page.reload();
    await expectHeading(page, 'Mail programs');
    await page.getByText('Right now on: IMAP. The others are off.').waitFor();
    expect(await page.getByRole('region', { name: /security change/ }).count()).toBe(0);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'mail-programs');
    // One screen from the page title down, for the README.
    await page.evaluate(() => window.scrollTo(0, (document.querySelector('h1')?.offsetTop ?? 0) - 16));
    await saveScreenshot(page, 'mail-programs-overview', { fullPage: false });
  });

  it('turns POP3 on for 7 days, keeping a copy, and says when it ends', async () => {
    const pop3Card = page.getByRole('region', { name: /^POP3/ });
    await pop3Card.getByRole('switch', { name: 'POP3 access' }).click();
    const choices = page.getByRole('dialog', { name: 'Turn on POP3' });
    await choices.getByLabel('For 7 days').check();
    expect(await choices.getByLabel('Keep a copy of every message on the server').isChecked()).toBe(true);
    await choices.getByRole('button', { name: 'Turn on POP3' }).click();
    // Stepped up a moment ago: no second confirmation needed.
    await choices.waitFor({ state: 'detached' });
    await expectChecked(page, 'POP3 access', true);
    await pop3Card.getByText(/^Ends on /).waitFor();
    const row = await server.prisma.protocolAccess.findUnique({
      where: { userId_protocol: { userId: user.id, protocol: 'POP3' } },
    });
    const days = ((row?.enabledUntil?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(row?.pop3KeepCopy).toBe(true);

    // The options show the limit that is set, and saving is only offered once something changed.
    await pop3Card.getByText('Change duration or options').click();
    expect(await pop3Card.getByLabel('For 7 days').isChecked()).toBe(true);
    expect(await pop3Card.getByLabel('Until I turn it off').isChecked()).toBe(false);
    expect(await pop3Card.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await pop3Card.getByLabel('For 30 days').check();
    await pop3Card.getByLabel('For 7 days').check();
    expect(await pop3Card.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);

    // Changing only "keep a copy" leaves the limit alone: the 7 days do not start again.
    await pop3Card.getByLabel('Keep a copy of every message on the server').uncheck();
    await pop3Card.getByRole('button', { name: 'Save' }).click();
    const saved = () =>
      server.prisma.protocolAccess.findUniqueOrThrow({
        where: { userId_protocol: { userId: user.id, protocol: 'POP3' } },
      });
    await expect.poll(async () => (await saved()).pop3KeepCopy).toBe(false);
    expect((await saved()).enabledUntil?.toISOString()).toBe(row?.enabledUntil?.toISOString());
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });

  it('turns a protocol off without asking for confirmation', async () => {
    await page.getByRole('switch', { name: 'POP3 access' }).click();
    await expectChecked(page, 'POP3 access', false);
  });

  it('groups the notices that matter (mail logins, support) and marks them all read at once', async () => {
    await server.prisma.securityNotice.createMany({
      data: [
        { userId: user.id, kind: 'LOGIN_LOCKED', params: { family: 'MAIL', until: new Date().toISOString() } },
        { userId: user.id, kind: 'PROTOCOL_DISABLED', params: { protocol: 'SMTP' }, byStaff: true, reason: 'Spam' },
        { userId: user.id, kind: 'APP_PASSWORD_CREATED', params: { name: 'Phone', scopes: 'IMAP' } },
        {
          userId: user.id,
          kind: 'PROTOCOL_ACCESS_EXPIRED',
          params: { protocol: 'POP3', enabledUntil: new Date().toISOString() },
        },
      ],
    });
    await page.reload();
    const notices = page.getByRole('region', { name: '4 security changes on your account' });
    await notices.waitFor();
    const groups = await notices.getByRole('heading', { level: 3 }).allTextContents();
    expect(groups).toEqual([
      'Mail logins: something to check',
      'Changed by support',
      'A time limit ran out',
      'Changed in another session or on another device',
    ]);
    await notices.getByText(/^The time limit for POP3 ran out on .+, so POP3 is off now\./).waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'notices-grouped');
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByRole('region', { name: /security change/ }).waitFor({ state: 'detached' });
  });

  it('switches to German and back, translating the page', async () => {
    await page.getByLabel('Language').selectOption('de');
    await expectHeading(page, 'E-Mail-Programme');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.getByRole('switch', { name: 'IMAP-Zugriff' }).waitFor();
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'mail-programs-de');
    await page.getByLabel('Sprache').selectOption('en');
    await expectHeading(page, 'Mail programs');
  });

  it('lets keyboard users skip straight to the content', async () => {
    await page.goto('/');
    await expectHeading(page, 'Mail programs');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it('answers an unknown address with a page that passes axe', async () => {
    await page.goto('/no-such-page');
    await expectHeading(page, 'Page not found');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
  });

  it('had no script errors', () => {
    expect(pageErrors(page)).toEqual([]);
  });
});
