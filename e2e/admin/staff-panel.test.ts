import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../apps/api/test/db/test-database.js';
import { giveRecoveryAddress, tokenMailedTo } from '../../apps/api/test/support/recovery-kit.js';
import { seriousAccessibilityFindings } from '../support/accessibility.js';
import { insertRefusedLogin, insertUserIpLock, uniqueTag } from '../support/admin-fixtures.js';
import { launchBrowser, openPortal, pageErrors } from '../support/browser.js';
import { confirmStepUp, expectHeading, signInWithPassword, signInWithTotp } from '../support/portal-actions.js';
import { startPortalServer, type PortalServer } from '../support/portal-server.js';
import { saveScreenshot } from '../support/screenshots.js';
import { secretFromManualKey, TotpDevice } from '../support/totp.js';

// Staff sign in through the portal's sign-in page and enroll with the portal's TOTP endpoints, as
// `npm start` serves them: nothing here is stubbed or injected.

let database: TestDatabase;
let server: PortalServer;
let browser: Browser;

// The admin saves a new password policy, a global row: on the run's shared database the portal's
// tests running alongside would meet its rules instead of the defaults they expect.
beforeAll(async () => {
  database = await createTestDatabase({ serverUrl: inject('databaseServerUrl') });
  [server, browser] = await Promise.all([startPortalServer({ databaseUrl: database.url }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAccessibilityFindings(page), `axe on ${page.url()}`).toEqual([]);
}

async function confirmWithReason(page: Page, dialogName: string | RegExp, confirm: string, reason: string) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByLabel('Reason (required)').fill(reason);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('staff panel in Chromium', () => {
  it('a new support account signs in with its password, enrolls TOTP, reads why an IMAP login was refused, turns IMAP on and lifts a lock', async () => {
    const tag = uniqueTag();
    const support = await server.createUser({ role: 'SUPPORT', email: `support-${tag}@example.test` });
    const customer = await server.createUser({
      email: `thunderbird-${tag}@example.test`,
      displayName: `Customer ${tag}`,
    });
    const recovery = await giveRecoveryAddress(server.app, customer.id, `recovery-${tag}@example.org`);
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

    // The panel needs a session: sign-in first, then back to the panel. Without 2FA yet, the
    // password alone signs a staff account in, but the panel shows nothing but enrollment.
    const { context, page } = await openPortal(browser, server.baseUrl);
    await signInWithPassword(page, support.email, support.password, { from: '/admin' });
    await expectHeading(page, 'Set up two-step sign-in');
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.getByRole('navigation', { name: 'Staff panel sections' }).count()).toBe(0);
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-enrollment-start');

    // The portal's enrollment: QR code and setup key, a first code, then the recovery codes.
    await page.getByRole('button', { name: 'Start setup' }).click();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    const device = new TotpDevice(secretFromManualKey(await page.getByLabel('Setup key').inputValue()));
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-enrollment-scan');
    await page.getByLabel('Code from the app').fill(await device.nextCode());
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect.poll(() => codes.count()).toBe(10);
    await saveScreenshot(page, 'admin-enrollment-recovery-codes');
    // The panel stays closed until the codes are acknowledged.
    expect(await page.getByRole('navigation', { name: 'Staff panel sections' }).count()).toBe(0);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expectHeading(page, 'Find a user');
    const enrolled = await server.prisma.user.findUniqueOrThrow({ where: { id: support.id } });
    expect(enrolled.totpEnabledAt).not.toBeNull();

    // Find the customer by a piece of the address and open the account.
    await page.getByLabel('E-mail or name').fill(`thunderbird-${tag}`);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const results = page.getByRole('table', { name: 'Search results' });
    await results.getByRole('link', { name: customer.email }).click();
    await expectHeading(page, customer.email);

    const diagnosis = page.getByRole('region', { name: 'Login diagnosis' });
    await diagnosis.getByText('IMAP was off for this account').waitFor();
    await diagnosis.getByText(/from 203\.0\.113\.7/).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-user-diagnosis');

    // Turn IMAP on, with the mandatory reason; a missing reason is refused in the dialog first.
    await page.getByRole('button', { name: 'Turn on IMAP' }).click();
    const imapDialog = page.getByRole('dialog', { name: 'Turn IMAP on' });
    await imapDialog.getByRole('button', { name: 'Turn on', exact: true }).click();
    await imapDialog.getByText('Please give a reason for this change.').waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-reason-dialog', { fullPage: false });
    // Keyboard: Escape closes the dialog and gives focus back to the button that opened it; Enter reopens it.
    await page.keyboard.press('Escape');
    await imapDialog.waitFor({ state: 'detached' });
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
    await saveScreenshot(page, 'admin-user-after-actions');

    // A one-time password-reset link goes to the customer's recovery address (support sees it only
    // masked, never the link), and the user redeems it without any session; the policy refuses a
    // weak password exactly as the portal's password change does.
    // Handing an account over needs a fresh step-up, and the password sign-in no longer counts as
    // one since 2FA was turned on after it: the portal's step-up dialog asks for a code first.
    await page.getByText('Recovery address: r•••@example.org').waitFor();
    await page.getByRole('button', { name: 'Send password-reset link' }).click();
    const linkDialog = page.getByRole('dialog', { name: 'Send a password-reset link' });
    await linkDialog.getByLabel('Reason (required)').fill('Customer forgot the password');
    await linkDialog.getByRole('button', { name: 'Send link', exact: true }).click();
    await confirmStepUp(page, { code: await device.nextCode() });
    await linkDialog.waitFor({ state: 'detached' });
    await page.getByText(/The link was sent to r•••@example\.org/).waitFor();
    expect(await page.getByLabel('Password-reset link').count()).toBe(0);
    await expectAccessible(page);
    const link = `${server.baseUrl}/reset-password#token=${await tokenMailedTo(server.app, recovery, 'PASSWORD_RESET_LINK')}`;
    expect(await page.content()).not.toContain(link.split('#token=')[1]);
    const { context: userContext, page: userPage } = await openPortal(browser, server.baseUrl);
    await userPage.goto(link);
    await expectHeading(userPage, 'Choose a new password');
    expect(userPage.url()).not.toContain('token=');
    await userPage.getByLabel('New password', { exact: true }).fill('thunderbird');
    await userPage.getByLabel('Repeat the new password').fill('thunderbird');
    await userPage.getByRole('button', { name: 'Set new password' }).click();
    await userPage.getByText('The new password is too short.').waitFor();
    await userPage.getByText('The new password contains your email address', { exact: false }).waitFor();
    await userPage.getByLabel('New password', { exact: true }).fill('violet harbour lantern under quiet rain');
    await userPage.getByLabel('Repeat the new password').fill('violet harbour lantern under quiet rain');
    await expectAccessible(userPage);
    await userPage.getByRole('button', { name: 'Set new password' }).click();
    await userPage.getByText('Your password was changed.', { exact: false }).waitFor();
    await saveScreenshot(userPage, 'admin-password-reset-done');
    const changed = await server.prisma.user.findUniqueOrThrow({ where: { id: customer.id } });
    expect(changed.passwordHash).not.toBe(customer.passwordHash);
    expect(pageErrors(userPage)).toEqual([]);
    await userContext.close();

    // Support does not see the ADMIN-only parts.
    const nav = page.getByRole('navigation', { name: 'Staff panel sections' });
    expect(await nav.getByRole('link', { name: 'Password policy' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Mail-server tokens' }).count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('an admin edits the password policy with a live preview and creates a mail-server token after a step-up', async () => {
    const tag = uniqueTag();
    const admin = await server.createUser({ role: 'ADMIN', email: `admin-${tag}@example.test`, totp: true });
    const device = new TotpDevice(admin.totpSecret!);
    const { context, page } = await openPortal(browser, server.baseUrl);
    await signInWithTotp(page, admin, await device.nextCode(), { from: '/admin/password-policy' });
    await expectHeading(page, 'Password policy');

    const before = await server.prisma.passwordPolicy.findFirstOrThrow({ orderBy: { version: 'desc' } });
    await page.getByLabel('Minimum length (characters)').fill('7');
    await page.getByText('The minimum length must be between 8 and 64.').waitFor();
    expect(await page.getByRole('button', { name: 'Save new version' }).isDisabled()).toBe(true);
    await page.getByLabel('Minimum length (characters)').fill('16');
    await page.getByLabel('Words a password must not be built on').fill(`mailgate\nacme${tag}`);
    // The live preview runs the shared evaluator against the unsaved settings.
    const preview = page.getByRole('region', { name: 'Try it out' });
    await page.getByLabel('Sample password').fill(`acme${tag}`);
    await preview.getByText('Use at least 16 characters (now 12).').waitFor();
    await preview.getByText('Do not build it from your email address', { exact: false }).waitFor();
    await page.getByLabel('Sample password').fill('violet harbour lantern under quiet rain');
    await preview.getByText('This password meets all the rules.').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save new version' }).click();
    await confirmWithReason(page, 'Save the password policy', 'Save new version', `Longer passwords (${tag})`);
    await page.getByRole('status').getByText('The new password policy was saved.').waitFor();
    const after = await server.prisma.passwordPolicy.findFirstOrThrow({ orderBy: { version: 'desc' } });
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.minLength).toBe(16);
    expect(after.contextWords).toEqual(['mailgate', `acme${tag}`]);
    await saveScreenshot(page, 'admin-password-policy');

    await page
      .getByRole('navigation', { name: 'Staff panel sections' })
      .getByRole('link', { name: 'Mail-server tokens' })
      .click();
    await expectHeading(page, 'Mail-server tokens');
    // The sign-in counted as a confirmation; once that has passed, creating a token asks again
    // (the portal's step-up dialog, answered with a code) and then goes ahead by itself.
    await server.expireStepUp(admin.id);
    const name = `imap-${tag}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Create token' }).click();
    await confirmStepUp(page, { code: await device.nextCode() });
    const secret = await page.getByLabel('Token', { exact: true }).inputValue();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const stored = await server.prisma.serviceToken.findUniqueOrThrow({ where: { name } });
    expect(stored.tokenHash).not.toContain(secret);
    await page.getByRole('table', { name: 'Tokens' }).getByRole('rowheader', { name }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-service-tokens');

    // Shown once: after a reload the list has the token, the secret is gone from the page.
    await page.reload();
    await page.getByRole('table', { name: 'Tokens' }).getByRole('rowheader', { name }).waitFor();
    expect(await page.getByLabel('Token', { exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    // The other admin pages pass axe too, once their data has loaded.
    await page.goto('/admin/settings');
    await page.getByRole('button', { name: 'Save defaults' }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-global-defaults');
    await page.goto(`/admin/audit?actorId=${admin.id}`);
    const auditTable = page.getByRole('table', { name: 'Entries' });
    await auditTable.getByRole('cell', { name: 'password_policy.updated' }).waitFor();
    await auditTable.getByRole('cell', { name: 'service_token.created' }).waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-audit-log');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('speaks German to a German browser, from the sign-in page on', async () => {
    const admin = await server.createUser({ role: 'ADMIN', email: `admin-de-${uniqueTag()}@example.test`, totp: true });
    const device = new TotpDevice(admin.totpSecret!);
    const { context, page } = await openPortal(browser, server.baseUrl, 'de-DE');
    await page.goto('/admin');
    await expectHeading(page, 'Anmelden');
    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByLabel('Bestätigungscode').fill(await device.nextCode());
    await page.getByRole('button', { name: 'Weiter' }).click();
    await expectHeading(page, 'Konto suchen');
    await page.getByLabel('E-Mail-Adresse oder Name').fill('ab');
    await page.getByLabel('Suchart').selectOption('substring');
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.getByText('Für die Suche innerhalb von Adressen und Namen braucht es mindestens 3 Zeichen.').waitFor();
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-search-de');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
