import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityFindings } from '../support/accessibility.js';
import { launchBrowser, openPortal, pageErrors } from '../support/browser.js';
import { expectChecked, expectHeading, signInWithPassword } from '../support/portal-actions.js';
import { startPortalServer, type PortalServer } from '../support/portal-server.js';
import { saveScreenshot } from '../support/screenshots.js';

/**
 * Passkeys in real Chromium with a virtual authenticator (DevTools protocol, WebAuthn domain):
 * a platform authenticator with resident keys and user verification, as a phone or laptop has.
 * WebAuthn needs a secure context, and http://localhost is one; without PUBLIC_URL the API uses
 * `localhost` as the rpID (see RelyingParty), so the SPA is opened on localhost, at phone width.
 */
describe('passkeys: add, sign in with one alone, step up with it, remove it', () => {
  let server: PortalServer;
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  let authenticatorId: string;
  let user: Awaited<ReturnType<PortalServer['createUser']>>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPortalServer(), launchBrowser()]);
    user = await server.createUser({ displayName: 'Pia Passkey' });
    const opened = await openPortal(browser, server.baseUrl.replace('127.0.0.1', 'localhost'));
    page = opened.page;
    await page.setViewportSize({ width: 360, height: 780 });
    cdp = await opened.context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    ({ authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a passkey from the security page (the sign-in was the step-up)', async () => {
    await signInWithPassword(page, user.email, user.password);
    await expectHeading(page, 'Mail programs');
    // The mail-programs page says passkeys do not reach mail programs.
    await page.getByRole('heading', { name: 'Passkeys and mail programs' }).waitFor();
    await page.getByRole('link', { name: 'Security' }).click();
    await expectHeading(page, 'Security');
    await page.getByText('You have no passkeys yet.').waitFor();
    await page.getByLabel('Name of the new passkey').fill('Laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    const list = page.getByRole('list', { name: 'Your passkeys' });
    await list.getByRole('listitem').filter({ hasText: 'Laptop' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'The passkey was added.' }).waitFor();
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.isResidentCredential).toBe(true);
    const stored = await server.prisma.passkey.findMany({ where: { userId: user.id } });
    expect(stored.map((p) => p.name)).toEqual(['Laptop']);
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await saveScreenshot(page, 'passkeys-security-360');
  });

  it('signs out and back in with the passkey alone', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectHeading(page, 'Sign in');
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    // Back where the user signed out from.
    await expectHeading(page, 'Security');
    await page.getByRole('list', { name: 'Your passkeys' }).getByText('last used', { exact: false }).waitFor();
    const used = await server.prisma.passkey.findFirstOrThrow({ where: { userId: user.id } });
    expect(used.lastUsedAt).not.toBeNull();
  });

  it('turns IMAP on with a passkey step-up (the password is no longer offered)', async () => {
    // The sign-in counted as a confirmation; pretend its few minutes have passed.
    await server.expireStepUp(user.id);
    await page.getByRole('link', { name: 'Mail programs' }).click();
    await expectHeading(page, 'Mail programs');
    await page.getByRole('switch', { name: 'IMAP access' }).click();
    // The duration is chosen first; only "Turn on" acts, and that asks who it is.
    await page.getByRole('dialog', { name: 'Turn on IMAP' }).getByRole('button', { name: 'Turn on IMAP' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm it is you' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Your password').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Use a passkey' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectChecked(page, 'IMAP access', true);
    const session = await server.prisma.session.findFirstOrThrow({
      where: { userId: user.id, revokedAt: null },
      orderBy: { createdAt: 'desc' },
    });
    expect(session.passkeyVerifiedAt).not.toBeNull();
  });

  it('removes the passkey after a warning that it is the last strong factor', async () => {
    await page.getByRole('link', { name: 'Security' }).click();
    await expectHeading(page, 'Security');
    await page.getByRole('button', { name: 'Remove Laptop' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove “Laptop”?' });
    await confirm.getByText('This is your last passkey', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('You have no passkeys yet.').waitFor();
    expect(await server.prisma.passkey.count({ where: { userId: user.id } })).toBe(0);
    const actions = await server.prisma.auditEvent.findMany({
      where: { targetUserId: user.id, action: { startsWith: 'passkey.' } },
      orderBy: { id: 'asc' },
    });
    expect(actions.map((a) => a.action)).toEqual(['passkey.added', 'passkey.removed']);
    // IMAP stays on: passkeys never decided anything for mail programs.
    const imap = await server.prisma.protocolAccess.findFirstOrThrow({ where: { userId: user.id, protocol: 'IMAP' } });
    expect(imap.enabled).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });
});
