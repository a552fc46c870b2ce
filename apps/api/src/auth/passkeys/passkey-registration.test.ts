import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/test-app.js';
import { createUser, signedInAs, type SignedIn } from '../../../test/support/builders.js';
import {
  newAuthenticator,
  PASSKEY_APP_CONFIG,
  PASSKEY_RP_ID,
  registerPasskey,
} from '../../../test/support/passkey-kit.js';
import { AccountEventsService, type AccountChange } from '../../account-events/account-events.service.js';
import { SecretKeyring } from '../../infrastructure/common/crypto/secret-keyring.js';
import { PrismaService } from '../../infrastructure/database/prisma.service.js';

describe('passkey registration and management', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  const published: AccountChange[] = [];

  beforeAll(async () => {
    app = await createTestApp(PASSKEY_APP_CONFIG);
    prisma = app.get(PrismaService);
    app.get(AccountEventsService).subscribe((change) => void published.push(change));
  });
  afterAll(() => app.close());

  const call = (session: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      cookies: session.cookies,
      headers: session.headers,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const options = (session: SignedIn) => call(session, 'POST', '/api/account/passkeys/registration-options');

  it('registers a discoverable, user-verified passkey after a step-up; audited, noticed, published; other sessions end', async () => {
    const user = await createUser(prisma);
    const stale = await signedInAs(app, user, { steppedUp: false });
    expect((await options(stale)).json().code).toBe('STEP_UP_REQUIRED');

    const other = await signedInAs(app, user);
    const session = await signedInAs(app, user);
    const offered = await options(session);
    expect(offered.statusCode).toBe(200);
    const body = offered.json();
    expect(body.rp.id).toBe(PASSKEY_RP_ID);
    expect(body.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    expect(body.attestation).toBe('none');

    const authenticator = newAuthenticator();
    const versionBefore = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).securityVersion;
    const registration = { name: '  Work laptop ', response: authenticator.register(body) };
    const created = await call(session, 'POST', '/api/account/passkeys', registration);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Work laptop', lastUsedAt: null, backedUp: false });

    // The first strong factor of the account: the password step-up this session made stops counting.
    const again = await call(session, 'POST', '/api/account/passkeys', registration);
    expect(again.json().code).toBe('STEP_UP_REQUIRED');

    const stored = await prisma.passkey.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.credentialId).toBe(authenticator.id);
    expect(stored.counter).toBe(0n);
    expect(stored.deviceType).toBe('singleDevice');
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passkeysEnabledAt).not.toBeNull();
    expect(after.securityVersion).toBeGreaterThan(versionBefore);
    const audits = await prisma.auditEvent.findMany({ where: { targetUserId: user.id }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => a.action)).toEqual(['session.signed_out_others', 'passkey.added']);
    const notices = await prisma.securityNotice.findMany({ where: { userId: user.id } });
    expect(notices.map((n) => [n.kind, n.params])).toEqual([['PASSKEY_ADDED', { name: 'Work laptop' }]]);
    expect(published).toContainEqual(expect.objectContaining({ userId: user.id, kind: 'passkey', endsAccess: [] }));
    // The first strong factor: the session opened with the password alone has ended ...
    expect((await call(other, 'GET', '/api/account/passkeys')).statusCode).toBe(401);
    // ... and this session's password step-up no longer counts (a passkey step-up is needed now).
    const list = await call(session, 'GET', '/api/account/passkeys');
    expect(list.json().passkeys.map((p: { name: string }) => p.name)).toEqual(['Work laptop']);
    expect((await options(session)).json().code).toBe('STEP_UP_REQUIRED');
  });

  it("refuses a foreign origin, a missing user verification, another session's challenge and malformed input, with codes", async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const register = (response: unknown) => call(session, 'POST', '/api/account/passkeys', { name: 'Key', response });

    const foreign = await register(
      newAuthenticator().register((await options(session)).json(), {
        origin: 'https://mail.example.test.evil.example',
      }),
    );
    expect([foreign.statusCode, foreign.json().code]).toEqual([400, 'PASSKEY_REGISTRATION_FAILED']);
    const unverified = await register(
      newAuthenticator().register((await options(session)).json(), { userVerified: false }),
    );
    expect([unverified.statusCode, unverified.json().code]).toEqual([400, 'PASSKEY_REGISTRATION_FAILED']);

    const elsewhere = await signedInAs(app, user);
    const theirs = (await options(elsewhere)).json();
    const stolen = await register(newAuthenticator().register(theirs));
    expect([stolen.statusCode, stolen.json().code]).toEqual([400, 'PASSKEY_CHALLENGE_INVALID']);

    const garbage = newAuthenticator().register((await options(session)).json());
    garbage.response.clientDataJSON = 'bm90LWpzb24';
    expect((await register(garbage)).json().code).toBe('PASSKEY_CHALLENGE_INVALID');
    const badShape = await register({ id: 'x', type: 'public-key' });
    expect([badShape.statusCode, badShape.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const badAttestation = newAuthenticator().register((await options(session)).json());
    badAttestation.response.attestationObject = 'AAAA';
    expect((await register(badAttestation)).json().code).toBe('PASSKEY_REGISTRATION_FAILED');
    expect(await prisma.passkey.count({ where: { userId: user.id } })).toBe(0);
  });

  it('a challenge works once; the same authenticator cannot be registered twice', async () => {
    const user = await createUser(prisma, { totp: true, keyring: app.get(SecretKeyring) });
    const session = await signedInAs(app, user);
    // TOTP was on before: the step-up still counts after the first passkey.
    const first = { name: 'Key', response: newAuthenticator().register((await options(session)).json()) };
    expect((await call(session, 'POST', '/api/account/passkeys', first)).statusCode).toBe(201);
    const replayed = await call(session, 'POST', '/api/account/passkeys', first);
    expect([replayed.statusCode, replayed.json().code]).toEqual([400, 'PASSKEY_CHALLENGE_INVALID']);
    const { authenticator } = await registerPasskey(app, session);
    const again = await call(session, 'POST', '/api/account/passkeys', {
      name: 'Twice',
      response: authenticator.register((await options(session)).json()),
    });
    expect([again.statusCode, again.json().code]).toEqual([409, 'PASSKEY_ALREADY_REGISTERED']);
  });

  it("renames and removes with a step-up; removing the last one clears the factor; another user's passkey is 404", async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const { passkey } = await registerPasskey(app, session, 'Phone');
    const stale = await signedInAs(app, user, { steppedUp: false });
    expect((await call(stale, 'PATCH', `/api/account/passkeys/${passkey.id}`, { name: 'X' })).json().code).toBe(
      'STEP_UP_REQUIRED',
    );
    expect((await call(stale, 'DELETE', `/api/account/passkeys/${passkey.id}`)).json().code).toBe('STEP_UP_REQUIRED');

    const fresh = await signedInAs(app, user);
    const renamed = await call(fresh, 'PATCH', `/api/account/passkeys/${passkey.id}`, { name: 'Old phone' });
    expect([renamed.statusCode, renamed.json().name]).toEqual([200, 'Old phone']);
    const stranger = await signedInAs(app, await createUser(prisma));
    expect((await call(stranger, 'DELETE', `/api/account/passkeys/${passkey.id}`)).statusCode).toBe(404);
    expect((await call(fresh, 'PATCH', `/api/account/passkeys/not-a-uuid`, { name: 'Y' })).json().code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await call(fresh, 'PATCH', `/api/account/passkeys/${passkey.id}`, { name: '   ' })).json().code).toBe(
      'VALIDATION_FAILED',
    );

    expect((await call(fresh, 'DELETE', `/api/account/passkeys/${passkey.id}`)).statusCode).toBe(204);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passkeysEnabledAt).toBeNull();
    const notices = await prisma.securityNotice.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } });
    expect(notices.map((n) => n.kind)).toEqual(['PASSKEY_ADDED', 'PASSKEY_RENAMED', 'PASSKEY_REMOVED']);
    const actions = (
      await prisma.auditEvent.findMany({ where: { targetUserId: user.id }, orderBy: { id: 'asc' } })
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['passkey.added', 'passkey.renamed', 'passkey.removed']));
  });
});
