import type { Browser, BrowserContext, Cookie, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/accessibility.js';
import { insertRefusedLogin, insertUserIpLock, uniqueTag } from '../support/admin-fixtures.js';
import { launchBrowser, pageErrors } from '../support/browser.js';
import { startPortalServer, type PortalServer } from '../support/portal-server.js';
import { saveScreenshot } from '../support/screenshots.js';
import { TotpDevice } from '../support/totp.js';

// Every page and dialog of the portal and the staff panel, on a small phone and a desktop, in both
// languages: the page must never scroll sideways and an open dialog must sit inside the viewport.
// The labels it clicks, in both languages, so one walk serves both.

const VIEWPORTS = [
  { name: 'phone', width: 360, height: 740 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
const LABELS = {
  en: {
    createAppPassword: 'Create an app password',
    name: 'Name',
    create: 'Create',
    stepUpTitle: 'Confirm it is you',
    code: 'Authentication code',
    confirm: 'Confirm',
    secretTitle: 'Your new app password',
    done: 'Done',
    revokeAll: 'Revoke all',
    revokeAllTitle: 'Revoke all app passwords?',
    cancel: 'Cancel',
    disableAccount: 'Disable account',
    disableAccountTitle: 'Disable this account',
    imapSwitch: 'IMAP access',
    turnOnImap: 'Turn on IMAP',
  },
  de: {
    createAppPassword: 'App-Passwort erstellen',
    name: 'Name',
    create: 'Erstellen',
    stepUpTitle: 'Bestätigen Sie, dass Sie es sind',
    code: 'Bestätigungscode',
    confirm: 'Bestätigen',
    secretTitle: 'Ihr neues App-Passwort',
    done: 'Fertig',
    revokeAll: 'Alle widerrufen',
    revokeAllTitle: 'Alle App-Passwörter widerrufen?',
    cancel: 'Abbrechen',
    disableAccount: 'Konto sperren',
    disableAccountTitle: 'Dieses Konto sperren',
    imapSwitch: 'IMAP-Zugriff',
    turnOnImap: 'IMAP einschalten',
  },
};
const LANGUAGES = [
  { code: 'en', locale: 'en-GB', messages: LABELS.en },
  { code: 'de', locale: 'de-DE', messages: LABELS.de },
] as const;
type Messages = typeof LABELS.en;

let server: PortalServer;
let browser: Browser;
let staff: Awaited<ReturnType<PortalServer['createUser']>>;
let customerId: string;
let sessionCookies: Cookie[] = [];
/** The staff account's authenticator: one code for signing in, one per step-up. */
let device: TotpDevice;

beforeAll(async () => {
  [server, browser] = await Promise.all([startPortalServer(), launchBrowser()]);
  const tag = uniqueTag();
  // An administrator sees every staff page; as a user of the portal they also have data on every
  // portal page: protocols on (one with a time limit), app passwords with long names.
  staff = await server.createUser({
    role: 'ADMIN',
    email: `a-rather-long-address-for-the-layout-${tag}@example.test`,
    displayName: `Layout Admin ${tag}`,
    totp: true,
    imap: { enabled: true, enabledUntil: new Date(Date.now() + 7 * 86_400_000) },
    pop3: true,
    smtp: true,
    appPasswords: [{ name: 'Thunderbird on the family laptop in the kitchen', scopes: ['IMAP', 'SMTP'] }],
  });
  const customer = await server.createUser({ email: `customer-${tag}@example.test`, imap: true });
  customerId = customer.id;
  if (!staff.totpSecret) throw new Error('the staff user has no TOTP secret');
  device = new TotpDevice(staff.totpSecret);
  for (const minutesAgo of [2, 3, 4]) {
    await insertRefusedLogin(server.prisma, {
      userId: customer.id,
      loginAsTyped: customer.email,
      protocol: 'IMAP',
      reasonCode: 'PASSWORD_WRONG',
      clientIp: '2001:db8:85a3::8a2e:370:7334',
      minutesAgo,
    });
  }
  // The staff account's own Activity page has a refused login too: its table must fit the phone.
  await insertRefusedLogin(server.prisma, {
    userId: staff.id,
    loginAsTyped: staff.email,
    protocol: 'SMTP',
    reasonCode: 'PROTOCOL_DISABLED',
    clientIp: '2001:db8:85a3::8a2e:370:7334',
    minutesAgo: 1,
  });
  await insertUserIpLock(server.prisma, {
    userId: customer.id,
    clientIp: '198.51.100.23',
    failures: 12,
    startedMinutesAgo: 10,
    endsInMinutes: 20,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Walk {
  page: Page;
  label: string;
  messages: Messages;
  problems: string[];
  /** axe runs on the phone layout only: the desktop layout is covered by the area tests. */
  runAxe: boolean;
}

async function checkView(walk: Walk, view: string, dialog?: Locator): Promise<void> {
  const { page } = walk;
  const name = `${walk.label}-${view}`;
  const size = page.viewportSize();
  if (!size) throw new Error('the page has no viewport');
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > size.width)
    walk.problems.push(`${name}: the page is ${scrollWidth} px wide, because of ${await widestElements(page)}`);
  if (dialog) {
    const box = await dialog.boundingBox();
    if (!box) walk.problems.push(`${name}: the dialog is not visible`);
    else if (box.x < 0 || box.y < 0 || box.x + box.width > size.width + 0.5 || box.y + box.height > size.height + 0.5)
      walk.problems.push(`${name}: the dialog leaves the viewport (${JSON.stringify(box)})`);
  }
  if (walk.runAxe) {
    for (const finding of await seriousAccessibilityFindings(page))
      walk.problems.push(`${name}: axe ${finding.id} on ${finding.targets.join(', ')}`);
  }
  await saveScreenshot(page, `layout-${name}`, { fullPage: !dialog });
  // One screen of the phone and the desktop layout for the README (docs/screenshots/ holds copies).
  if (README_VIEWS.has(view) && walk.label.endsWith('-en')) {
    // The first protocol card: the switch, its state and the settings to type in.
    if (!dialog)
      await page
        .locator('.protocol-card')
        .first()
        .evaluate((card) => card.scrollIntoView());
    await saveScreenshot(page, `readme-${name}`, { fullPage: false });
  }
}

const README_VIEWS = new Set(['home', 'app-password-shown-once']);

/** The innermost elements reaching past the right edge: what to fix when the page is too wide. */
function widestElements(page: Page): Promise<string> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const tooWide = (element: Element) => element.getBoundingClientRect().right > width + 0.5;
    const culprits = [...document.body.querySelectorAll('*')].filter(
      (element) => tooWide(element) && ![...element.children].some(tooWide),
    );
    return culprits
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`)
      .join(', ');
  });
}

async function visit(walk: Walk, path: string, view: string): Promise<void> {
  await walk.page.goto(path);
  await walk.page.locator('h1').first().waitFor();
  // Lists and tables load after the heading; wait until no spinner is left.
  await walk.page.waitForLoadState('networkidle');
  await checkView(walk, view);
}

function openDialog(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: title });
}

async function closeDialog(dialog: Locator, messages: Messages): Promise<void> {
  await dialog.getByRole('button', { name: messages.cancel, exact: true }).first().click();
  await dialog.waitFor({ state: 'detached' });
}

async function signIn(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(staff.email);
  await page.getByLabel('Password', { exact: true }).fill(staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Authentication code').fill(await device.nextCode());
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mail programs' }).waitFor();
  sessionCookies = await context.cookies();
  await page.close();
}

async function walkEverything(walk: Walk): Promise<void> {
  const { page, messages: m } = walk;
  // Public pages first, without a session.
  let dialog: Locator;
  await visit(walk, '/sign-in', 'sign-in');
  await visit(walk, '/reset-password?token=layout-check', 'reset-password');
  await page.context().addCookies(sessionCookies);

  await visit(walk, '/', 'home');
  // Turning a protocol on asks how first (IMAP is turned off for that, and stays off afterwards).
  const imap = page.getByRole('switch', { name: m.imapSwitch });
  if ((await imap.getAttribute('aria-checked')) === 'true') {
    await imap.click();
    await expect.poll(() => imap.getAttribute('aria-checked')).toBe('false');
  }
  await imap.click();
  dialog = openDialog(page, m.turnOnImap);
  await checkView(walk, 'protocol-turn-on', dialog);
  await closeDialog(dialog, m);
  await visit(walk, '/security', 'security');
  await visit(walk, '/activity', 'activity');

  await visit(walk, '/app-passwords', 'app-passwords');
  await page.getByRole('button', { name: m.createAppPassword }).click();
  dialog = openDialog(page, m.createAppPassword);
  await checkView(walk, 'app-password-create', dialog);
  await dialog.getByLabel(m.name).fill(`Phone mail app of ${walk.label}`);
  await dialog.getByLabel('IMAP').check();
  // Sensitive actions ask again after a while: show that dialog too, then answer it.
  await server.expireStepUp(staff.id);
  await dialog.getByRole('button', { name: m.create, exact: true }).click();
  dialog = openDialog(page, m.stepUpTitle);
  await checkView(walk, 'step-up', dialog);
  await dialog.getByLabel(m.code).fill(await device.nextCode());
  await dialog.getByRole('button', { name: m.confirm }).click();
  dialog = openDialog(page, m.secretTitle);
  await dialog.waitFor();
  await checkView(walk, 'app-password-shown-once', dialog);
  // The shown-once password is readable in full: its box is as wide as its text.
  const secret = dialog.locator('.secret-box__value');
  const fits = await secret.evaluate(
    (element) => element.scrollWidth <= element.clientWidth + 1 && element.scrollHeight <= element.clientHeight + 1,
  );
  if (!fits) walk.problems.push(`${walk.label}-app-password-shown-once: the password is cut off`);
  await dialog.getByRole('button', { name: m.done }).click();
  await page.getByRole('button', { name: m.revokeAll }).click();
  dialog = openDialog(page, m.revokeAllTitle);
  await checkView(walk, 'app-password-revoke', dialog);
  await closeDialog(dialog, m);

  await visit(walk, '/admin', 'admin-users');
  await visit(walk, `/admin?q=${encodeURIComponent('customer-')}&match=contains`, 'admin-users-results');
  await visit(walk, `/admin/users/${customerId}`, 'admin-user');
  await page.getByRole('button', { name: m.disableAccount, exact: true }).click();
  dialog = openDialog(page, m.disableAccountTitle);
  await checkView(walk, 'admin-user-disable', dialog);
  await closeDialog(dialog, m);
  await visit(walk, '/admin/audit', 'admin-audit');
  await visit(walk, '/admin/password-policy', 'admin-password-policy');
  await visit(walk, '/admin/settings', 'admin-settings');
  await visit(walk, '/admin/service-tokens', 'admin-service-tokens');
}

describe('every page and dialog fits a 360 px phone and a desktop, in English and German', () => {
  it('signs the staff account in once', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
    await signIn(context);
    await context.close();
    expect(sessionCookies.length).toBeGreaterThan(0);
  });

  for (const viewport of VIEWPORTS) {
    for (const language of LANGUAGES) {
      // A walk is some 20 pages and dialogs (and may wait for the next TOTP step for a step-up).
      it(`${viewport.name} ${viewport.width}×${viewport.height}, ${language.code}`, { timeout: 180_000 }, async () => {
        const context = await browser.newContext({
          baseURL: server.baseUrl,
          locale: language.locale,
          viewport: { width: viewport.width, height: viewport.height },
          timezoneId: 'Europe/Berlin',
        });
        context.setDefaultTimeout(10_000);
        const page = await context.newPage();
        const errors: Error[] = [];
        page.on('pageerror', (error) => errors.push(error));
        const walk: Walk = {
          page,
          label: `${viewport.name}-${language.code}`,
          messages: language.messages,
          problems: [],
          runAxe: viewport.name === 'phone',
        };
        try {
          await walkEverything(walk);
        } finally {
          await context.close();
        }
        expect(walk.problems).toEqual([]);
        expect(errors.map(String)).toEqual([]);
        expect(pageErrors(page)).toEqual([]);
      });
    }
  }
});
