import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { appPasswordsOperations, authOperations, totpOperations, type OperationContract } from '@mailgate/contracts';
import { withTestApp } from '../../test/support/test-app.js';
import { expectContract, sendOperation } from '../../test/support/contract-client.js';
import { createUser, freshTotpCode, signedInAs, wrongTotpCode, type SignedIn } from '../../test/support/builders.js';
import type { AccountChange } from '../account-events/account-events.service.js';
import type { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { TotpService } from './totp.service.js';

describe('TOTP two-factor authentication', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let keyring: SecretKeyring;
  let published: readonly AccountChange[];

  withTestApp((started) => ({ app, prisma, keyring, accountChanges: published } = started));

  const call = (session: SignedIn, operation: OperationContract, payload?: unknown) =>
    sendOperation(app, operation, { as: session, payload });

  async function trail(userId: string) {
    const [audits, notices, user] = await Promise.all([
      prisma.auditEvent.findMany({ where: { targetUserId: userId }, orderBy: { id: 'asc' } }),
      prisma.securityNotice.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
      prisma.user.findUniqueOrThrow({ where: { id: userId } }),
    ]);
    return { actions: audits.map((a) => a.action), notices: notices.map((n) => n.kind), user };
  }

  it('enrolls: step-up first, the secret shown once and stored encrypted, then 10 hashed recovery codes', async () => {
    const user = await createUser(prisma);
    const stale = await signedInAs(app, user, { steppedUp: false });
    const refused = await call(stale, totpOperations.startEnrollment);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('STEP_UP_REQUIRED');

    const session = await signedInAs(app, user);
    const started = await call(session, totpOperations.startEnrollment);
    const { otpauthUri, manualKey } = expectContract(totpOperations.startEnrollment, started);
    const secret = manualKey.replaceAll(' ', '');
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Mailgate:/);
    expect(new URL(otpauthUri).searchParams.get('secret')).toBe(secret);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpEnabledAt).toBeNull();
    expect(stored.totpSecretEncrypted).not.toContain(secret);
    expect(keyring.decrypt('totp-seed', stored.totpSecretEncrypted!)).toBe(secret);

    const wrong = await call(session, totpOperations.confirmEnrollment, {
      code: await wrongTotpCode(secret),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('TOTP_ENROLLMENT_CODE_INVALID');

    const versionBefore = stored.securityVersion;
    const confirmed = await call(session, totpOperations.confirmEnrollment, {
      code: await generate({ secret }),
    });
    const codes = expectContract(totpOperations.confirmEnrollment, confirmed).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const rows = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    for (const row of rows) for (const code of codes) expect(row.codeHash).not.toContain(code.replaceAll('-', ''));

    const after = await trail(user.id);
    expect(after.user.totpEnabledAt).not.toBeNull();
    expect(after.user.securityVersion).toBe(versionBefore + 1);
    expect(after.actions).toContain('totp.enabled');
    expect(after.notices).toContain('TOTP_ENABLED');
    expect(published).toContainEqual({ userId: user.id, kind: 'totp', securityVersion: versionBefore + 1 });

    // Never again: not in the status, not in /me, and enrollment cannot restart while enabled.
    const status = await call(session, totpOperations.status);
    expect(expectContract(totpOperations.status, status)).toMatchObject({ enabled: true, recoveryCodesRemaining: 10 });
    const me = await call(session, authOperations.me);
    for (const body of [status.body, me.body]) {
      expect(body).not.toContain(secret);
      for (const code of codes) expect(body).not.toContain(code);
    }
    // (The password step-up from before 2FA no longer counts; a code does.)
    const stepUp = await call(session, authOperations.stepUp, {
      totpCode: await freshTotpCode(app, { id: user.id, totpSecret: secret }),
    });
    expectContract(authOperations.stepUp, stepUp);
    expect((await call(session, totpOperations.startEnrollment)).json().code).toBe('TOTP_ALREADY_ENABLED');
  });

  it('refuses to confirm an enrollment that was never started', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const response = await call(session, totpOperations.confirmEnrollment, { code: '123456' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('TOTP_ENROLLMENT_NOT_STARTED');
  });

  it('regenerates recovery codes after a step-up: the old ones stop working', async () => {
    const user = await createUser(prisma, { totp: true, keyring });
    const stale = await signedInAs(app, user, { steppedUp: false });
    expect((await call(stale, totpOperations.regenerateRecoveryCodes)).json().code).toBe('STEP_UP_REQUIRED');
    const session = await signedInAs(app, user);
    const first = expectContract(
      totpOperations.regenerateRecoveryCodes,
      await call(session, totpOperations.regenerateRecoveryCodes),
    ).recoveryCodes;
    const second = await call(session, totpOperations.regenerateRecoveryCodes);
    const fresh = expectContract(totpOperations.regenerateRecoveryCodes, second).recoveryCodes;
    expect(fresh.some((code) => first.includes(code))).toBe(false);
    const { actions, notices } = await trail(user.id);
    expect(actions.filter((a) => a === 'totp.recovery_codes_regenerated')).toHaveLength(2);
    expect(notices.filter((n) => n === 'RECOVERY_CODES_REGENERATED')).toHaveLength(2);
  });

  it('turns 2FA off only after a step-up made with a code', async () => {
    const user = await createUser(prisma, { totp: true, keyring });
    const session = await signedInAs(app, user, { steppedUp: false });
    expect((await call(session, totpOperations.disable)).json().code).toBe('STEP_UP_REQUIRED');
    // The password alone cannot step up while 2FA is on.
    const password = await call(session, authOperations.stepUp, { password: user.password });
    expect(password.json().code).toBe('STEP_UP_TOTP_REQUIRED');
    expect((await call(session, totpOperations.disable)).statusCode).toBe(403);

    const stepped = await call(session, authOperations.stepUp, { totpCode: await freshTotpCode(app, user) });
    expectContract(authOperations.stepUp, stepped);
    const versionBefore = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).securityVersion;
    expectContract(totpOperations.disable, await call(session, totpOperations.disable));
    const after = await trail(user.id);
    expect(after.user).toMatchObject({
      totpEnabledAt: null,
      totpSecretEncrypted: null,
      securityVersion: versionBefore + 1,
    });
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(after.actions).toContain('totp.disabled');
    expect(after.notices).toContain('TOTP_DISABLED');
    expect((await call(session, totpOperations.disable)).json().code).toBe('TOTP_NOT_ENABLED');
  });

  it('does not count a password step-up from before 2FA was turned on', async () => {
    const user = await createUser(prisma, { totp: true, keyring });
    // Stepped up (with the password) a minute before 2FA was turned on.
    const session = await signedInAs(app, user, { now: new Date(Date.now() - 60_000) });
    await prisma.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
    const response = await call(session, totpOperations.disable);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('STEP_UP_REQUIRED');
  });

  it('turning 2FA on ends the other sessions and voids the password step-up made before it', async () => {
    const user = await createUser(prisma);
    const other = await signedInAs(app, user);
    const session = await signedInAs(app, user);
    const started = await call(session, totpOperations.startEnrollment);
    const secret = expectContract(totpOperations.startEnrollment, started).manualKey.replaceAll(' ', '');
    const confirmed = await call(session, totpOperations.confirmEnrollment, {
      code: await generate({ secret }),
    });
    expectContract(totpOperations.confirmEnrollment, confirmed);

    // The other browser signed in with the password alone: it is signed out.
    expect((await call(other, authOperations.me)).json().code).toBe('SESSION_EXPIRED');
    const ended = await prisma.session.findUniqueOrThrow({ where: { id: other.sessionId } });
    expect(ended.revokedAt).not.toBeNull();
    const { actions } = await trail(user.id);
    expect(actions).toEqual(['totp.enabled', 'session.signed_out_others']);

    // This session stays, but its password step-up (minutes ago) no longer opens sensitive actions.
    const me = await call(session, authOperations.me);
    expect(expectContract(authOperations.me, me)).toMatchObject({ totpEnabled: true, stepUpValidUntil: null });
    const refused = await call(session, appPasswordsOperations.create, { name: 'Phone', scopes: ['IMAP'] });
    expect(refused.json()).toMatchObject({ status: 403, code: 'STEP_UP_REQUIRED' });
    const stepUp = await call(session, authOperations.stepUp, {
      totpCode: await freshTotpCode(app, { id: user.id, totpSecret: secret }),
    });
    expectContract(authOperations.stepUp, stepUp);
    const created = await call(session, appPasswordsOperations.create, { name: 'Phone', scopes: ['IMAP'] });
    expectContract(appPasswordsOperations.create, created);
  });

  it('lets staff turn off 2FA with a reason, shown to the user', async () => {
    const admin = await createUser(prisma, { role: 'ADMIN', totp: true, keyring });
    const user = await createUser(prisma, { totp: true, keyring });
    await app.get(TotpService).disable({
      actor: { userId: admin.id, role: 'ADMIN' },
      userId: user.id,
      reason: 'Lost phone, identity checked by phone call',
      meta: null,
    });
    const notice = await prisma.securityNotice.findFirstOrThrow({ where: { userId: user.id, kind: 'TOTP_DISABLED' } });
    expect(notice).toMatchObject({ byStaff: true, reason: 'Lost phone, identity checked by phone call' });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { targetUserId: user.id, action: 'totp.disabled' },
    });
    expect(audit).toMatchObject({ actorId: admin.id, actorRole: 'ADMIN' });
  });
});
