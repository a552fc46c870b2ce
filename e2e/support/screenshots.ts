import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** Git-ignored; CI keeps the folder as an artifact. */
export const ARTIFACTS_DIR = path.join(import.meta.dirname, '..', 'artifacts');

/** `fullPage: false` for open dialogs: a modal's backdrop only covers the viewport. */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  // Toasts are transient and would cover content that the screenshot is meant to show.
  await page.screenshot({ path: file, fullPage, animations: 'disabled', style: '.toasts { display: none; }' });
  return file;
}
