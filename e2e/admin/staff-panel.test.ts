import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../apps/api/test/support/builders.js';
import { SecretKeyring } from '../../apps/api/src/common/crypto/secret-keyring.js';
import { expectNoSeriousAxeViolations, launchAdminChromium, saveAdminScreenshot } from '../support/admin-browser.js';
import { insertRefusedLogin, insertUserIpLock, uniqueTag } from '../support/admin-fixtures.js';
import { routePortalTotpIfAbsent } from '../support/admin-portal-totp-stand-in.js';
import { startAdminTestServer, type AdminTestServer } from '../support/admin-test-server.js';

// Sign-in: the sign-in page is built in the portal branch, so these tests issue the session with the
// real SessionService (what a successful sign-in does) and put its cookie into the browser context.

let server: AdminTestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startAdminTestServer();
  browser = await launchAdminChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedInPage(userId: string, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ ...(await server.issueSessionCookie(userId)), httpOnly: true, sameSite: 'Lax' }]);
  const page = await context.newPage();
  return { context, page };
}

async function confirmWithReason(page: Page, dialogName: string | RegExp, confirm: string, reason: string) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByLabel('Reason (required)').fill(reason);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

describe('staff panel in Chromium', () => {
  it('a new support account enrolls TOTP at first sign-in, reads why an IMAP login was refused, turns IMAP on and lifts a lock', async () => {
    const tag = uniqueTag();
    const support = await createUser(server.prisma, { role: 'SUPPORT', email: `support-${tag}@example.test` });
    const customer = await createUser(server.prisma, {
      email: `thunderbird-${tag}@example.test`,
      displayName: `Customer ${tag}`,
    });
    await insertRefusedLogin(server.prisma, {
      userId: customer.id,
      loginAsTyped: customer.email,
      protocol: 'IMAP',
      reasonCode: 'PROTOCOL_DISABLED',
      clientIp: '203.0.113.7',
      minutesAgo: 3,
    });
    const lockId = await insertUserIpLock(server.prisma, {
      userId: customer.id,
      clientIp: '198.51.100.23',
      failures: 12,
      startedMinutesAgo: 10,
      endsInMinutes: 20,
    });

    const { context, page } = await signedInPage(support.id);
    const totpPath = await routePortalTotpIfAbsent(context, server, support.id);
    console.info(`[admin e2e] TOTP enrollment answered by: ${totpPath}`);

    // First visit: the server refuses the panel (STAFF_TOTP_REQUIRED), the SPA shows enrollment only.
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Set up two-step sign-in' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Staff panel sections' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await saveAdminScreenshot(page, 'enrollment-start');

    await page.getByRole('button', { name: 'Start setup' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    const manualKey = (await page.getByLabel('Key for manual entry').inputValue()).replace(/\s+/g, '');
    expect(manualKey).toMatch(/^[A-Z2-7]{16,}$/);
    await expectNoSeriousAxeViolations(page);
    await saveAdminScreenshot(page, 'enrollment-scan');
    await page.getByLabel('Six-digit code').fill(await generate({ secret: manualKey }));
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();

    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    expect(await codes.count()).toBe(10);
    await saveAdminScreenshot(page, 'enrollment-recovery-codes');
    await page.getByLabel('I have stored my recovery codes in a safe place').check();
    await page.getByRole('button', { name: 'Continue to the staff panel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find a user' }).waitFor();
    const enrolled = await server.prisma.user.findUniqueOrThrow({ where: { id: support.id } });
    expect(enrolled.totpEnabledAt).not.toBeNull();

    // Find the customer by a piece of the address and open the account.
    await page.getByLabel('E-mail or name').fill(`thunderbird-${tag}`);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('table', { name: 'Search results' });
    await results.getByRole('link', { name: customer.email }).click();
    await page.getByRole('heading', { level: 1, name: customer.email }).waitFor();

    const diagnosis = page.getByRole('region', { name: 'Login diagnosis' });
    await diagnosis.getByText('IMAP was off for this account').waitFor();
    await diagnosis.getByText(/from 203\.0\.113\.7/).waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveAdminScreenshot(page, 'user-diagnosis');

    // Turn IMAP on, with the mandatory reason; a missing reason is refused in the dialog first.
    await page.getByRole('button', { name: 'Turn on IMAP' }).click();
    const imapDialog = page.getByRole('dialog', { name: 'Turn IMAP on' });
    await imapDialog.getByRole('button', { name: 'Turn on', exact: true }).click();
    await imapDialog.getByText('Please give a reason for this change.').waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveAdminScreenshot(page, 'reason-dialog');
    // Keyboard: Escape closes the dialog and gives focus back to the button that opened it; Enter reopens it.
    await page.keyboard.press('Escape');
    await expect.poll(() => imapDialog.isVisible()).toBe(false);
    const opener = page.getByRole('button', { name: 'Turn on IMAP' });
    expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await imapDialog.waitFor();
    expect(await imapDialog.getByLabel('Reason (required)').evaluate((el) => el === document.activeElement)).toBe(true);
    await confirmWithReason(page, 'Turn IMAP on', 'Turn on', `Customer called: Thunderbird needs IMAP (${tag})`);
    await page.getByRole('status').getByText('IMAP is now on.').waitFor();
    await diagnosis.getByText('IMAP is on now').waitFor();
    const imap = await server.prisma.protocolAccess.findUniqueOrThrow({
      where: { userId_protocol: { userId: customer.id, protocol: 'IMAP' } },
    });
    expect(imap.enabled).toBe(true);
    const imapAudit = await server.prisma.auditEvent.findMany({
      where: { targetUserId: customer.id, actorId: support.id, reason: { contains: tag } },
    });
    expect(imapAudit).toHaveLength(1);

    // Lift the lock after 12 failed attempts.
    const locks = page.getByRole('region', { name: 'Login locks' });
    await locks.getByText(/Locked after 12 failed attempts from 198\.51\.100\.23 until/).waitFor();
    await locks.getByRole('button', { name: /^Lift lock: Locked after 12 failed attempts/ }).click();
    await confirmWithReason(page, 'Lift this lock', 'Lift lock', 'Customer fixed the saved password');
    await page.getByRole('status').getByText('The lock was lifted.').waitFor();
    await locks.getByText('No lock affects this account right now.').waitFor();
    const lifted = await server.prisma.authLock.findUniqueOrThrow({ where: { id: lockId } });
    expect(lifted.liftedAt).not.toBeNull();
    expect(lifted.liftedById).toBe(support.id);
    await saveAdminScreenshot(page, 'user-after-actions');

    // A one-time password-reset link, shown once, which the user redeems without any session.
    await page.getByRole('button', { name: 'Create password-reset link' }).click();
    await confirmWithReason(page, 'Create a password-reset link', 'Create link', 'Customer forgot the password');
    const link = await page.getByLabel('Password-reset link').inputValue();
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/reset-password#token=.+`));
    await expectNoSeriousAxeViolations(page);
    const userContext = await browser.newContext({ locale: 'en-US' });
    const userPage = await userContext.newPage();
    await userPage.goto(link);
    await userPage.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    expect(userPage.url()).not.toContain('token=');
    await userPage.getByLabel('New password', { exact: true }).fill('violet-harbour-lantern-2931');
    await userPage.getByLabel('Repeat the new password').fill('violet-harbour-lantern-2931');
    await expectNoSeriousAxeViolations(userPage);
    await userPage.getByRole('button', { name: 'Set new password' }).click();
    await userPage.getByText('Your password was changed.', { exact: false }).waitFor();
    await saveAdminScreenshot(userPage, 'password-reset-done');
    const changed = await server.prisma.user.findUniqueOrThrow({ where: { id: customer.id } });
    expect(changed.passwordHash).not.toBe(customer.passwordHash);
    await userContext.close();

    // Support does not see the ADMIN-only parts.
    const nav = page.getByRole('navigation', { name: 'Staff panel sections' });
    expect(await nav.getByRole('link', { name: 'Password policy' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Mail-server tokens' }).count()).toBe(0);

    await context.close();
  });

  it('an admin edits the password policy and creates a mail-server token that is shown once', async () => {
    const tag = uniqueTag();
    const admin = await createUser(server.prisma, {
      role: 'ADMIN',
      email: `admin-${tag}@example.test`,
      totp: true,
      keyring: server.app.get(SecretKeyring),
    });
    const { context, page } = await signedInPage(admin.id);

    await page.goto(`${server.baseUrl}/admin/password-policy`);
    await page.getByRole('heading', { level: 1, name: 'Password policy' }).waitFor();
    const before = await server.prisma.passwordPolicy.findFirst({ orderBy: { version: 'desc' } });
    await page.getByLabel('Minimum length (characters)').fill('7');
    await page.getByText('The minimum length must be between 8 and 64.').waitFor();
    expect(await page.getByRole('button', { name: 'Save new version' }).isDisabled()).toBe(true);
    await page.getByLabel('Minimum length (characters)').fill('16');
    await page.getByLabel('Words a password must not be built on').fill(`mailgate\nacme${tag}`);
    // The live preview judges a sample against the unsaved settings.
    const preview = page.getByRole('region', { name: 'Try it out' });
    await page.getByLabel('Sample password').fill(`acme${tag}`);
    await preview.getByText('Shorter than 16 characters.').waitFor();
    await preview.getByText(/built on a word from the list/).waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Save new version' }).click();
    await confirmWithReason(page, 'Save the password policy', 'Save new version', `Longer passwords (${tag})`);
    await page.getByRole('status').getByText('The new password policy was saved.').waitFor();
    const after = await server.prisma.passwordPolicy.findFirstOrThrow({ orderBy: { version: 'desc' } });
    expect(after.version).toBeGreaterThan(before?.version ?? 0);
    expect(after.minLength).toBe(16);
    expect(after.contextWords).toEqual(['mailgate', `acme${tag}`]);
    await saveAdminScreenshot(page, 'password-policy');

    await page
      .getByRole('navigation', { name: 'Staff panel sections' })
      .getByRole('link', { name: 'Mail-server tokens' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mail-server tokens' }).waitFor();
    const name = `imap-${tag}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('Token', { exact: true }).inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const stored = await server.prisma.serviceToken.findUniqueOrThrow({ where: { name } });
    expect(stored.tokenHash).not.toContain(secret);
    await page.getByRole('table', { name: 'Tokens' }).getByRole('rowheader', { name }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveAdminScreenshot(page, 'service-tokens');

    // Shown once: after a reload the list has the token, the secret is gone from the page.
    await page.reload();
    await page.getByRole('table', { name: 'Tokens' }).getByRole('rowheader', { name }).waitFor();
    expect(await page.getByLabel('Token', { exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    // The other admin pages pass axe too, once their data has loaded.
    await page.goto(`${server.baseUrl}/admin/settings`);
    await page.getByRole('button', { name: 'Save defaults' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveAdminScreenshot(page, 'global-defaults');
    await page.goto(`${server.baseUrl}/admin/audit?actorId=${admin.id}`);
    const auditTable = page.getByRole('table', { name: 'Entries' });
    await auditTable.getByRole('cell', { name: 'password_policy.updated' }).waitFor();
    await auditTable.getByRole('cell', { name: 'service_token.created' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveAdminScreenshot(page, 'audit-log');

    await context.close();
  });

  it('speaks German to a German browser', async () => {
    const admin = await createUser(server.prisma, {
      role: 'ADMIN',
      email: `admin-de-${uniqueTag()}@example.test`,
      totp: true,
      keyring: server.app.get(SecretKeyring),
    });
    const { context, page } = await signedInPage(admin.id, 'de-DE');
    await page.goto(`${server.baseUrl}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Konto suchen' }).waitFor();
    await page.getByLabel('E-Mail-Adresse oder Name').fill('ab');
    await page.getByLabel('Suchart').selectOption('substring');
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.getByText('Für die Suche innerhalb von Adressen und Namen braucht es mindestens 3 Zeichen.').waitFor();
    await expectNoSeriousAxeViolations(page);
    await saveAdminScreenshot(page, 'search-de');
    await context.close();
  });
});
