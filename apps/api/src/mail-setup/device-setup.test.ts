import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as plist from 'plist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs, type BuiltUser, type SignedIn } from '../../test/support/builders.js';
import { decision, loginBody, mailAuthEnv } from '../../test/support/mail-auth-client.js';
import { findAppPassword } from '../../test/support/app-password-match.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { LoginAttemptRecorder } from '../login-attempts/login-attempt-recorder.js';
import { DeviceSetupService } from './device-setup.service.js';
import { createSelfSignedCertificate } from '../../../../scripts/lib/self-signed-cert.mjs';

type Dict = Record<string, unknown>;

// The keys Apple's profile reference requires at the top level and for a com.apple.mail.managed payload.
const PROFILE_KEYS = [
  'PayloadContent',
  'PayloadDisplayName',
  'PayloadIdentifier',
  'PayloadType',
  'PayloadUUID',
  'PayloadVersion',
];
const MAIL_KEYS = [
  'PayloadType',
  'PayloadVersion',
  'PayloadIdentifier',
  'PayloadUUID',
  'PayloadDisplayName',
  'EmailAccountType',
  'IncomingMailServerHostName',
  'IncomingMailServerPortNumber',
  'IncomingMailServerUseSSL',
  'IncomingMailServerAuthentication',
  'IncomingMailServerUsername',
  'IncomingPassword',
  'OutgoingMailServerHostName',
  'OutgoingMailServerPortNumber',
  'OutgoingMailServerUseSSL',
  'OutgoingMailServerAuthentication',
  'OutgoingMailServerUsername',
  'OutgoingPasswordSameAsIncomingPassword',
];

function mailPayloadOf(profileXml: string): { profile: Dict; mail: Dict } {
  const profile = plist.parse(profileXml) as Dict;
  const [mail] = profile.PayloadContent as Dict[];
  return { profile, mail: mail as Dict };
}

describe('device setup: Apple profile, phone hand-off, first login', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;

  beforeAll(async () => {
    app = await createTestApp(mailAuthEnv({ MAIL_DOMAINS: 'example.test', MAIL_PROVIDER_NAME: 'Example Mail' }));
    prisma = app.get(PrismaService);
  });
  afterAll(() => app?.close());

  const post = (session: SignedIn, url: string, payload: Dict) =>
    app.inject({ method: 'POST', url, cookies: session.cookies, headers: session.headers, payload });
  const firstLogin = (session: SignedIn, id: string) =>
    app.inject({ method: 'GET', url: `/api/account/app-passwords/${id}/first-login`, cookies: session.cookies });

  it('serves a profile with a new app password named after the device, after a step-up only', async () => {
    const user = await createUser(prisma, { imap: true, smtp: true });
    const stale = await signedInAs(app, user, { steppedUp: false });
    const refused = await post(stale, '/api/account/device-profiles', { deviceName: 'iPhone', incoming: 'IMAP' });
    expect(refused.json().code).toBe('STEP_UP_REQUIRED');
    expect(await prisma.appPassword.count({ where: { userId: user.id } })).toBe(0);

    const session = await signedInAs(app, user);
    const response = await post(session, '/api/account/device-profiles', {
      deviceName: "Erika's iPhone",
      incoming: 'IMAP',
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe('application/x-apple-aspen-config');
    expect(response.headers['content-disposition']).toBe('attachment; filename="Erikas-iPhone.mobileconfig"');
    expect(response.headers['cache-control']).toBe('no-store');
    const { profile, mail } = mailPayloadOf(response.body);
    for (const key of PROFILE_KEYS) expect(profile, key).toHaveProperty(key);
    for (const key of MAIL_KEYS) expect(mail, key).toHaveProperty(key);
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadVersion: 1 });
    expect(mail).toMatchObject({
      PayloadType: 'com.apple.mail.managed',
      EmailAccountType: 'EmailTypeIMAP',
      EmailAddress: user.email,
      IncomingMailServerHostName: 'imap.example.test',
      IncomingMailServerPortNumber: 993,
      IncomingMailServerUseSSL: true,
      IncomingMailServerAuthentication: 'EmailAuthPassword',
      OutgoingMailServerHostName: 'smtp.example.test',
      OutgoingMailServerPortNumber: 587,
      OutgoingMailServerUseSSL: true,
    });

    // The password inside is a real app password of this user, listed and revocable like any other.
    const id = response.headers['x-app-password-id'] as string;
    const match = await findAppPassword(app, user.id, mail.IncomingPassword as string);
    expect(match).toMatchObject({ id, scopes: ['IMAP', 'SMTP'], status: 'active' });
    const stored = await prisma.appPassword.findUniqueOrThrow({ where: { id } });
    expect(stored.name).toBe("Erika's iPhone");
    expect(await prisma.auditEvent.count({ where: { targetUserId: user.id, action: 'app_password.created' } })).toBe(1);
    expect(JSON.stringify(stored)).not.toContain(mail.IncomingPassword as string);
  });

  it('signs the profile when the operator configured a certificate and key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailgate-signing-'));
    const { certFile: cert, keyFile: key } = createSelfSignedCertificate(dir, 'Profile signing test');
    const signing = await createTestApp({ PROFILE_SIGNING_CERT: cert, PROFILE_SIGNING_KEY: key });
    try {
      const user = await createUser(signing.get(PrismaService));
      const session = await signedInAs(signing, user);
      const response = await signing.inject({
        method: 'POST',
        url: '/api/account/device-profiles',
        cookies: session.cookies,
        headers: session.headers,
        payload: { deviceName: 'iPad', incoming: 'POP3' },
      });
      expect(response.statusCode).toBe(201);
      const der = response.rawPayload;
      expect(der.includes(Buffer.from('<plist'))).toBe(true);
      expect(der.subarray(0, 1)[0]).toBe(0x30); // a DER SEQUENCE, not plain XML
      const content = execFileSync(
        'openssl',
        ['cms', '-verify', '-inform', 'DER', '-CAfile', cert, '-purpose', 'any'],
        {
          input: der,
          stdio: ['pipe', 'pipe', 'ignore'],
        },
      ).toString('utf8');
      expect(mailPayloadOf(content).mail).toMatchObject({
        EmailAccountType: 'EmailTypePOP',
        IncomingMailServerPortNumber: 995,
      });
    } finally {
      await signing.close();
    }
  });

  it('refuses a half-configured signer at start', async () => {
    await expect(createTestApp({ PROFILE_SIGNING_CERT: '/nonexistent.pem' })).rejects.toThrow(/must be set together/);
  });

  describe('phone hand-off', () => {
    let owner: BuiltUser;
    let desktop: SignedIn;

    beforeAll(async () => {
      owner = await createUser(prisma, { imap: true, smtp: true });
      desktop = await signedInAs(app, owner);
    });

    async function newLink(): Promise<string> {
      const response = await post(desktop, '/api/account/device-handoffs', { deviceName: 'Pixel', incoming: 'IMAP' });
      expect(response.statusCode).toBe(201);
      return response.json().token as string;
    }

    it('needs a step-up to make, and gives the phone of the same account its settings once', async () => {
      const stale = await signedInAs(app, owner, { steppedUp: false });
      expect(
        (await post(stale, '/api/account/device-handoffs', { deviceName: 'x', incoming: 'IMAP' })).json().code,
      ).toBe('STEP_UP_REQUIRED');
      const token = await newLink();
      expect(await prisma.deviceHandoff.count({ where: { tokenHash: { contains: token } } })).toBe(0);
      // The phone signs in: a new session of the same account, not stepped up.
      const phone = await signedInAs(app, owner, { steppedUp: false });
      const redeemed = await post(phone, '/api/account/device-handoffs/redeem', { token, as: 'settings' });
      expect(redeemed.statusCode).toBe(201);
      const body = redeemed.json();
      expect(body.appPassword).toMatchObject({ name: 'Pixel', scopes: ['IMAP', 'SMTP'] });
      expect(body.serverSettings.map((s: Dict) => s.protocol)).toEqual(['IMAP', 'SMTP']);
      expect(await findAppPassword(app, owner.id, body.secret)).toMatchObject({ status: 'active' });

      const again = await post(phone, '/api/account/device-handoffs/redeem', { token, as: 'profile' });
      expect(again.statusCode).toBe(404);
      expect(again.json().code).toBe('HANDOFF_INVALID');
    });

    it('cannot be used by a session of another account, which leaves it for the right one', async () => {
      const token = await newLink();
      const stranger = await signedInAs(app, await createUser(prisma));
      const stolen = await post(stranger, '/api/account/device-handoffs/redeem', { token, as: 'profile' });
      expect(stolen.json().code).toBe('HANDOFF_INVALID');
      const phone = await signedInAs(app, owner, { steppedUp: false });
      const redeemed = await post(phone, '/api/account/device-handoffs/redeem', { token, as: 'profile' });
      expect(redeemed.statusCode).toBe(201);
      expect(mailPayloadOf(redeemed.body).mail.IncomingMailServerUsername).toBe(owner.email);
    });

    it('expires after ten minutes', async () => {
      const elevenMinutesAgo = new Date(Date.now() - 11 * 60_000);
      const { token } = await app
        .get(DeviceSetupService)
        .createHandoff(owner.id, { deviceName: 'Old', incoming: 'IMAP' }, elevenMinutesAgo);
      const phone = await signedInAs(app, owner);
      expect((await post(phone, '/api/account/device-handoffs/redeem', { token, as: 'settings' })).json().code).toBe(
        'HANDOFF_INVALID',
      );
    });

    it('lets only one of two racing redemptions through', async () => {
      const token = await newLink();
      const phone = await signedInAs(app, owner);
      const results = await Promise.all(
        [1, 2, 3].map(() => post(phone, '/api/account/device-handoffs/redeem', { token, as: 'settings' })),
      );
      expect(results.map((result) => result.statusCode).sort()).toEqual([201, 404, 404]);
    });
  });

  describe('is it working?', () => {
    it('waits, then shows the refusal with its reason, then the connection', async () => {
      const user = await createUser(prisma, { imap: false, smtp: true });
      const session = await signedInAs(app, user);
      const created = await post(session, '/api/account/app-passwords', { name: 'Laptop', scopes: ['IMAP', 'SMTP'] });
      const { appPassword, secret } = created.json() as { appPassword: { id: string }; secret: string };
      expect((await firstLogin(session, appPassword.id)).json()).toEqual({ status: 'waiting', attempt: null });

      const clientIp = '10.77.1.2';
      expect(await decision(app, loginBody({ email: user.email, password: secret }, { clientIp }))).toMatchObject({
        decision: 'deny',
      });
      await expect
        .poll(async () => (await firstLogin(session, appPassword.id)).json(), { timeout: 5_000 })
        .toMatchObject({
          status: 'refused',
          attempt: { reasonCode: 'PROTOCOL_DISABLED', protocol: 'IMAP', credential: 'app-password' },
        });
      const list = await app.inject({ method: 'GET', url: '/api/account/app-passwords', cookies: session.cookies });
      expect(list.json().appPasswords[0]).toMatchObject({
        lastRefusal: { reasonCode: 'PROTOCOL_DISABLED', protocol: 'IMAP' },
      });

      expect(
        await decision(app, loginBody({ email: user.email, password: secret }, { clientIp, protocol: 'smtp' })),
      ).toMatchObject({
        decision: 'allow',
      });
      // Successes are folded in memory for a few seconds before they are written (see
      // LoginAttemptRecorder): flush instead of waiting for the timer.
      await app.get(LoginAttemptRecorder).flush();
      await expect
        .poll(async () => (await firstLogin(session, appPassword.id)).json(), { timeout: 5_000 })
        .toMatchObject({ status: 'connected', attempt: { protocol: 'SMTP', clientIp, reasonCode: 'OK' } });
    });

    it("answers 404 for another user's app password", async () => {
      const owner = await createUser(prisma, { appPasswords: [{ scopes: ['IMAP'] }], keyring: app.get(SecretKeyring) });
      const other = await signedInAs(app, await createUser(prisma));
      const id = (await prisma.appPassword.findFirstOrThrow({ where: { userId: owner.id } })).id;
      expect((await firstLogin(other, id)).json().code).toBe('NOT_FOUND');
    });
  });
});
