import { randomUUID } from 'node:crypto';
import { Controller, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineOperation } from '@mailgate/contracts';
import { createTestApp } from '../../test/support/test-app.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { CurrentSession, RequireStepUp, Roles } from './auth.decorators.js';
import { PLAIN_COOKIE_NAME } from './session-cookie.js';
import { SessionService } from './session.service.js';
import type { AuthenticatedSession } from './session.types.js';

const whoAmI = defineOperation(
  { method: 'get', path: '/api/test/me' },
  {
    tag: 'Test',
    summary: 'me',
    responses: { 200: null },
  },
);
const change = defineOperation(
  { method: 'post', path: '/api/test/change' },
  {
    tag: 'Test',
    summary: 'change',
    responses: { 204: null },
  },
);
const staffOnly = defineOperation(
  { method: 'get', path: '/api/test/staff' },
  {
    tag: 'Test',
    summary: 'staff',
    responses: { 200: null },
  },
);
const sensitive = defineOperation(
  { method: 'post', path: '/api/test/sensitive' },
  {
    tag: 'Test',
    summary: 's',
    responses: { 204: null },
  },
);

@Controller()
class ProbeController {
  @ContractRoute(whoAmI)
  me(@CurrentSession() session: AuthenticatedSession) {
    return { email: session.email };
  }
  @ContractRoute(change)
  change(): void {}
  @Roles('SUPPORT', 'ADMIN')
  @ContractRoute(staffOnly)
  staff() {
    return { ok: true };
  }
  @RequireStepUp()
  @ContractRoute(sensitive)
  sensitive(): void {}
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('SessionGuard', () => {
  let app: NestFastifyApplication;
  let sessions: SessionService;
  let prisma: PrismaService;
  const meta = { ip: '127.0.0.1', requestId: 'test', userAgent: 'vitest' };

  beforeAll(async () => {
    app = await createTestApp({}, { imports: [ProbeModule] });
    sessions = app.get(SessionService);
    prisma = app.get(PrismaService);
  });
  afterAll(() => app.close());

  async function signedIn(
    options: { role?: 'USER' | 'SUPPORT' | 'ADMIN'; totp?: boolean; steppedUp?: boolean; now?: Date } = {},
  ) {
    const user = await prisma.user.create({
      data: {
        email: `guard-${randomUUID()}@example.test`,
        passwordHash: 'unused',
        role: options.role ?? 'USER',
        totpEnabledAt: options.totp ? new Date() : null,
      },
    });
    const issued = await sessions.issue(user.id, meta, { steppedUp: options.steppedUp ?? true, now: options.now });
    return { user, cookie: { [PLAIN_COOKIE_NAME]: issued.token }, sessionId: issued.sessionId };
  }

  const csrf = { 'x-requested-with': 'mailgate' };

  it('refuses requests without a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });

  it('accepts a live session and stores only a hash of its token', async () => {
    const { user, cookie, sessionId } = await signedIn();
    const response = await app.inject({ method: 'GET', url: '/api/test/me', cookies: cookie });
    expect(response.json()).toEqual({ email: user.email });
    const stored = await prisma.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(stored.tokenHash).not.toContain(cookie[PLAIN_COOKIE_NAME]);
  });

  it('refuses revoked, idle and expired sessions', async () => {
    const revoked = await signedIn();
    await sessions.revoke(revoked.sessionId);
    const idle = await signedIn({ now: new Date(Date.now() - 31 * 60_000) });
    const expired = await signedIn({ now: new Date(Date.now() - 13 * 60 * 60_000) });
    for (const { cookie } of [revoked, idle, expired]) {
      const response = await app.inject({ method: 'GET', url: '/api/test/me', cookies: cookie });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('SESSION_EXPIRED');
    }
  });

  it('refuses state changes without the CSRF header or from another origin', async () => {
    const { cookie } = await signedIn();
    const noHeader = await app.inject({ method: 'POST', url: '/api/test/change', cookies: cookie });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().code).toBe('CSRF_CHECK_FAILED');
    const foreign = await app.inject({
      method: 'POST',
      url: '/api/test/change',
      cookies: cookie,
      headers: { ...csrf, origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(foreign.json().code).toBe('CSRF_CHECK_FAILED');
    const ok = await app.inject({
      method: 'POST',
      url: '/api/test/change',
      cookies: cookie,
      headers: { ...csrf, origin: 'http://localhost:3000', host: 'localhost:3000' },
    });
    expect(ok.statusCode).toBe(204);
  });

  it('enforces roles, and TOTP for staff', async () => {
    const user = await signedIn();
    expect((await app.inject({ method: 'GET', url: '/api/test/staff', cookies: user.cookie })).json().code).toBe(
      'FORBIDDEN',
    );
    const staffWithoutTotp = await signedIn({ role: 'SUPPORT' });
    const refused = await app.inject({ method: 'GET', url: '/api/test/staff', cookies: staffWithoutTotp.cookie });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('STAFF_TOTP_REQUIRED');
    const staff = await signedIn({ role: 'ADMIN', totp: true });
    expect((await app.inject({ method: 'GET', url: '/api/test/staff', cookies: staff.cookie })).statusCode).toBe(200);
  });

  it('requires a recent step-up for sensitive actions', async () => {
    const stale = await signedIn({ steppedUp: false });
    const refused = await app.inject({
      method: 'POST',
      url: '/api/test/sensitive',
      cookies: stale.cookie,
      headers: csrf,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('STEP_UP_REQUIRED');
    await sessions.recordStepUp(stale.sessionId);
    const allowed = await app.inject({
      method: 'POST',
      url: '/api/test/sensitive',
      cookies: stale.cookie,
      headers: csrf,
    });
    expect(allowed.statusCode).toBe(204);
  });
});
