// The whole device setup, end to end: Chromium downloads the Apple profile from the portal, the
// app password inside it logs in with a real IMAP client (curl, STARTTLS) at a private Dovecot that
// asks the same Mailgate API that serves the portal, and the portal page reports what Dovecot's
// login did: first refused (IMAP off) with the reason and the fix, then connected.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as plist from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/run.mjs';
import { launchBrowser, openPortal, pageErrors } from '../support/browser.js';
import { expectHeading, signInWithPassword } from '../support/portal-actions.js';
import { saveScreenshot } from '../support/screenshots.js';
import { createMailUser, type MailUser } from './support/mail-accounts.js';
import { imap } from './support/mail-clients.js';
import { startMailStack, type MailStack } from './support/mail-stack.js';

interface MailPayload {
  PayloadType: string;
  IncomingMailServerUsername: string;
  IncomingPassword: string;
}

let stack: MailStack;
let browser: Browser;
let page: Page;
let user: MailUser;

beforeAll(async () => {
  // The stack's API also serves the built SPA (e2e global setup builds it), on the same port.
  [stack, browser] = await Promise.all([
    startMailStack({ apiEnv: { WEB_DIST_DIR: path.join(ROOT, 'apps/web/dist') } }),
    launchBrowser(),
  ]);
  user = await createMailUser(stack.api, 'correct horse battery staple setup', { IMAP: false, SMTP: true });
  ({ page } = await openPortal(browser, stack.api.url));
  await signInWithPassword(page, user.email, user.password);
  await expectHeading(page, 'Mail programs');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('a profile downloaded in Chromium, used by a real IMAP client at Dovecot', () => {
  let mail: MailPayload;
  // The mail program's address: Dovecot passes it on, the page shows it.
  let clientIp = '';

  it('downloads the profile and reads the app password from it', async () => {
    clientIp = stack.nextClientIp();
    await page.getByRole('link', { name: 'Set up a phone or computer in one step' }).click();
    await expectHeading(page, 'Set up a device');
    await page.getByLabel('Device name').fill('Erika MacBook');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download profile' }).click(),
    ]);
    const profile = plist.parse(await readFile(await download.path(), 'utf8')) as unknown as {
      PayloadContent: MailPayload[];
    };
    mail = profile.PayloadContent[0]!;
    expect(mail.PayloadType).toBe('com.apple.mail.managed');
    expect(mail.IncomingMailServerUsername).toBe(user.email);
    expect(mail.IncomingPassword).not.toBe(user.password);
    await page.getByText('Waiting for the first login from your device').waitFor();
  });

  it('is refused by Dovecot while IMAP is off, and the page shows why and the fix', async () => {
    const login = { user: mail.IncomingMailServerUsername, password: mail.IncomingPassword, clientIp };
    const refused = await imap(stack.target, login);
    expect(refused.code, refused.transcript).toBe(67);
    expect(refused.transcript).toMatch(/NO .*IMAP access is turned off/);

    await page.getByText(/Refused at .*\(IMAP\)/).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Turn IMAP on' }).waitFor();
    await saveScreenshot(page, 'setup-device-imap-refused');
  });

  it('is allowed after the one-click fix, and the page says connected', async () => {
    await page.getByRole('button', { name: 'Turn IMAP on' }).click();
    await page.getByText('IMAP is on now. Try again in the mail program.').waitFor();

    const login = { user: mail.IncomingMailServerUsername, password: mail.IncomingPassword, clientIp };
    const allowed = await imap(stack.target, login);
    expect(allowed.ok, allowed.transcript).toBe(true);
    expect(allowed.output).toContain('INBOX');

    const connected = page.getByText(`Connected: IMAP from ${clientIp}`, { exact: false });
    await connected.waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'setup-device-imap-connected');
    expect(pageErrors(page)).toEqual([]);
  });
});
