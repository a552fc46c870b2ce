import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it } from 'vitest';
import { authOperations } from '@mailgate/contracts';
import { withTestApp } from '../../test/support/test-app.js';
import { callOperation, expectContract, sendOperation } from '../../test/support/contract-client.js';
import { createUser, freshTotpCode, signedInAs, signIn, type SignedIn } from '../../test/support/builders.js';
import type { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';

describe('sessions and step-up', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  let keyring: SecretKeyring;
  withTestApp((started) => ({ app, prisma, keyring } = started));

  const list = (session: SignedIn) => sendOperation(app, authOperations.listSessions, { as: session });
  const endSession = (session: SignedIn, id: string) =>
    sendOperation(app, authOperations.revokeSession, { as: session, params: { id } });
  const stepUp = (session: SignedIn, payload: unknown, remoteAddress = '203.0.113.1') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/step-up',
      cookies: session.cookies,
      headers: session.headers,
      payload: payload as Record<string, unknown>,
      remoteAddress,
    });

  it("lists the user's live sessions with the current one marked, never tokens", async () => {
    const user = await createUser(prisma);
    const laptop = await signIn(app, user, { remoteAddress: '192.0.2.10' });
    const phone = await signIn(app, user, { remoteAddress: '192.0.2.11' });
    const response = await list(phone);
    const { sessions } = expectContract(authOperations.listSessions, response);
    expect(sessions.map((s) => s.id).sort()).toEqual([laptop.sessionId, phone.sessionId].sort());
    expect(sessions.find((s) => s.current)?.id).toBe(phone.sessionId);
    expect(sessions.find((s) => s.id === laptop.sessionId)?.ip).toBe('192.0.2.10');
    expect(response.body).not.toContain(Object.values(laptop.cookies)[0]);
    expect(response.body).not.toContain('tokenHash');
  });

  it('signs out everywhere else, keeping this session', async () => {
    const user = await createUser(prisma);
    const other = await signedInAs(app, user);
    const current = await signedInAs(app, user);
    expect(await callOperation(app, authOperations.signOutOthers, { as: current })).toEqual({ signedOut: 1 });
    expect((await list(other)).statusCode).toBe(401);
    expect(expectContract(authOperations.listSessions, await list(current)).sessions).toHaveLength(1);
    expect(
      await prisma.auditEvent.count({ where: { targetUserId: user.id, action: 'session.signed_out_others' } }),
    ).toBe(1);
  });

  it('ends one session by id', async () => {
    const user = await createUser(prisma);
    const other = await signedInAs(app, user);
    const current = await signedInAs(app, user);
    expectContract(authOperations.revokeSession, await endSession(current, other.sessionId));
    expect((await list(other)).statusCode).toBe(401);
    expect((await list(current)).statusCode).toBe(200);
  });

  it("cannot see or end another user's sessions (IDOR): not found, and nothing changes", async () => {
    const alice = await createUser(prisma);
    const bob = await createUser(prisma);
    const aliceSession = await signedInAs(app, alice);
    const bobSession = await signedInAs(app, bob);
    const aliceSees = expectContract(authOperations.listSessions, await list(aliceSession)).sessions;
    expect(aliceSees.map((s) => s.id)).toEqual([aliceSession.sessionId]);
    const response = await endSession(aliceSession, bobSession.sessionId);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
    expect((await list(bobSession)).statusCode).toBe(200);
  });

  it('refuses state changes without the CSRF header', async () => {
    const user = await createUser(prisma);
    const other = await signedInAs(app, user);
    const current = await signedInAs(app, user);
    const response = await app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other.sessionId}`,
      cookies: current.cookies,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF_CHECK_FAILED');
    expect((await list(other)).statusCode).toBe(200);
  });

  describe('step-up', () => {
    it('takes the password while 2FA is off', async () => {
      const user = await createUser(prisma);
      const session = await signedInAs(app, user, { steppedUp: false });
      expect((await stepUp(session, { password: 'wrong-password-here' })).json().code).toBe('STEP_UP_FAILED');
      expect((await stepUp(session, { totpCode: '123456' })).json().code).toBe('STEP_UP_PASSWORD_REQUIRED');
      const { stepUpValidUntil } = expectContract(
        authOperations.stepUp,
        await stepUp(session, { password: user.password }),
      );
      expect(new Date(stepUpValidUntil).getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);
      const me = await callOperation(app, authOperations.me, { as: session });
      expect(me.stepUpValidUntil).toBe(stepUpValidUntil);
    });

    it('does not take the password while 2FA is on: only a fresh code', async () => {
      const user = await createUser(prisma, { totp: true, keyring });
      const session = await signedInAs(app, user, { steppedUp: false });
      const withPassword = await stepUp(session, { password: user.password });
      expect(withPassword.statusCode).toBe(400);
      expect(withPassword.json().code).toBe('STEP_UP_TOTP_REQUIRED');
      expect((await callOperation(app, authOperations.me, { as: session })).stepUpValidUntil).toBeNull();

      const code = await freshTotpCode(app, user);
      expect((await stepUp(session, { totpCode: code })).statusCode).toBe(200);
      // The same code a second time is a replay.
      expect((await stepUp(session, { totpCode: code })).json().code).toBe('STEP_UP_FAILED');
    });

    it('rate limits failed step-ups', async () => {
      const user = await createUser(prisma);
      const session = await signedInAs(app, user, { steppedUp: false });
      for (let i = 0; i < 10; i += 1) {
        expect((await stepUp(session, { password: `wrong-${i}-password` }, '203.0.113.50')).statusCode).toBe(403);
      }
      const limited = await stepUp(session, { password: user.password }, '203.0.113.51');
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBeDefined();
    });
  });
});
