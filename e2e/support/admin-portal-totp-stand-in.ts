import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import type { BrowserContext } from 'playwright-core';
import { SecretKeyring } from '../../apps/api/src/common/crypto/secret-keyring.js';
import type { AdminTestServer } from './admin-test-server.js';

const START_PATH = '/api/account/totp/enrollment';
const CONFIRM_PATH = '/api/account/totp/enrollment/confirm';

/**
 * The staff TOTP gate sends a staff account to the PORTAL's enrollment endpoints (issue 3), which
 * the `admin` branch does not contain before the lead merges `portal`. Only while they are absent
 * (the server answers 404 for them), this answers the two requests for the browser with the same
 * contract (start → 201 { otpauthUri, manualKey }; confirm { code } → 200 { recoveryCodes }) and
 * with real effects: the seed is stored encrypted, the code is checked with otplib, and only then
 * is 2FA switched on in the database, which is what the server-side staff gate looks at. (The
 * recovery codes it shows are not stored: hashing them is the portal's business, not the gate's.)
 * Returns whether the stand-in was needed, so the test can say which path it exercised.
 */
export async function routePortalTotpIfAbsent(
  context: BrowserContext,
  server: AdminTestServer,
  userId: string,
): Promise<'portal-endpoints' | 'stand-in'> {
  const probe = await fetch(`${server.baseUrl}${START_PATH}`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'mailgate' },
  });
  const body = (await probe.json().catch(() => ({}))) as { code?: string };
  if (!(probe.status === 404 && body.code === 'NOT_FOUND')) return 'portal-endpoints';

  const keyring = server.app.get(SecretKeyring);
  const user = await server.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  let pendingSecret: string | null = null;

  await context.route(`${server.baseUrl}${START_PATH}`, async (route) => {
    pendingSecret = generateSecret();
    await route.fulfill({
      status: 201,
      contentType: 'application/json',
      body: JSON.stringify({
        otpauthUri: generateURI({ issuer: 'Mailgate', label: user.email, secret: pendingSecret }),
        manualKey: pendingSecret.replace(/(.{4})(?=.)/g, '$1 '),
      }),
    });
  });

  await context.route(`${server.baseUrl}${CONFIRM_PATH}`, async (route) => {
    const { code } = route.request().postDataJSON() as { code: string };
    const valid = pendingSecret !== null && (await verify({ secret: pendingSecret, token: code })).valid;
    if (!valid || !pendingSecret) {
      await route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 400, code: 'TOTP_ENROLLMENT_CODE_INVALID', title: 'Bad Request' }),
      });
      return;
    }
    const recoveryCodes = Array.from({ length: 10 }, () => randomBytes(6).toString('hex').toUpperCase());
    await server.prisma.user.update({
      where: { id: userId },
      data: {
        totpSecretEncrypted: keyring.encrypt('totp-seed', pendingSecret),
        totpEnabledAt: new Date(),
      },
    });
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ recoveryCodes }) });
  });
  return 'stand-in';
}
