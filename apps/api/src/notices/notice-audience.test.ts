import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs, type SignedIn } from '../../test/support/builders.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { noticesOperations } from '@mailgate/contracts';
import { callOperation } from '../../test/support/contract-client.js';

// Who is told about a change (issue 12): a notice is for what the user may not know. The session
// that made a change saw it happen; the user's other sessions, and every change by staff, get one.
describe('security notices: who sees them', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  withTestApp((started) => ({ app, prisma } = started));

  async function noticeKinds(session: SignedIn): Promise<{ kinds: string[]; unread: number; params: unknown[] }> {
    const body = await callOperation(app, noticesOperations.list, { as: session });
    return {
      kinds: body.notices.map((notice) => notice.kind),
      unread: body.unreadCount,
      params: body.notices.map((notice) => notice.params),
    };
  }

  it('keeps the user’s own change out of the session that made it, and shows it in their other sessions', async () => {
    const user = await createUser(prisma);
    const laptop = await signedInAs(app, user);
    const phone = await signedInAs(app, user);

    const turnedOn = await app.inject({
      method: 'PUT',
      url: '/api/account/protocols/IMAP',
      cookies: laptop.cookies,
      headers: laptop.headers,
      payload: { enabled: true },
    });
    expect(turnedOn.statusCode).toBe(200);
    const created = await app.inject({
      method: 'POST',
      url: '/api/account/app-passwords',
      cookies: laptop.cookies,
      headers: laptop.headers,
      payload: { name: 'Thunderbird', scopes: ['IMAP'] },
    });
    expect(created.statusCode).toBe(201);

    // The laptop did both: Activity only (the audit log has them), no "was this you?".
    expect(await noticeKinds(laptop)).toEqual({ kinds: [], unread: 0, params: [] });
    expect(await prisma.auditEvent.count({ where: { targetUserId: user.id } })).toBeGreaterThanOrEqual(2);

    // The phone did not: both are news there, and the acting session's id is never shown.
    const onPhone = await noticeKinds(phone);
    expect(onPhone.kinds).toEqual(['APP_PASSWORD_CREATED', 'PROTOCOL_ENABLED']);
    expect(onPhone.unread).toBe(2);
    for (const params of onPhone.params) expect(Object.keys(params as object)).not.toContain('actingSessionId');
  });

  it('shows a change by staff in every session of the user, including the one that is open', async () => {
    const user = await createUser(prisma);
    const staff = await createUser(prisma, { role: 'ADMIN' });
    const userSession = await signedInAs(app, user);
    const staffSession = await signedInAs(app, staff);
    await prisma.user.update({ where: { id: staff.id }, data: { totpEnabledAt: new Date() } });

    const response = await app.inject({
      method: 'PUT',
      url: `/api/admin/users/${user.id}/protocol-access/SMTP`,
      cookies: staffSession.cookies,
      headers: staffSession.headers,
      payload: { enabled: true, reason: 'Customer asked on the phone' },
    });
    expect(response.statusCode).toBe(200);
    expect((await noticeKinds(userSession)).kinds).toEqual(['PROTOCOL_ENABLED']);
  });

  it('shows the system’s notices (a lock on guessed mail logins) everywhere', async () => {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    await prisma.securityNotice.create({
      data: { userId: user.id, kind: 'LOGIN_LOCKED', params: { family: 'MAIL', until: new Date().toISOString() } },
    });
    expect((await noticeKinds(session)).kinds).toEqual(['LOGIN_LOCKED']);
  });
});
