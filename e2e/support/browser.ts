import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run with apt); playwright-core ships no browser of its own. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface PortalPage {
  context: BrowserContext;
  page: Page;
}

/**
 * A fresh browser profile (no cookies, no stored language) with English as the browser language,
 * so the SPA starts in English unless a test switches it.
 */
export async function openPortal(browser: Browser, baseUrl: string, locale = 'en-GB'): Promise<PortalPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale,
    viewport: { width: 1280, height: 900 },
    timezoneId: 'Europe/Berlin',
    // Lets the "Copy" buttons work in headless Chromium.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  // A page error is a bug even when the screen looks right.
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  uncaughtErrors.set(page, errors);
  return { context, page };
}

const uncaughtErrors = new WeakMap<Page, Error[]>();

/** Uncaught script errors of a page opened with openPortal, since it was opened. */
export function pageErrors(page: Page): Error[] {
  return uncaughtErrors.get(page) ?? [];
}
