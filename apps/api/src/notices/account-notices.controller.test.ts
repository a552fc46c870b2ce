import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs } from '../../test/support/builders.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { noticesOperations } from '@mailgate/contracts';
import { callOperation } from '../../test/support/contract-client.js';

describe('security notices API', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;
  withTestApp((started) => ({ app, prisma } = started));

  async function notice(userId: string, kind: string, createdAt: Date, readAt: Date | null = null) {
    return prisma.securityNotice.create({ data: { userId, kind, params: { protocol: 'IMAP' }, createdAt, readAt } });
  }

  it('lists unread notices first, newest first, then read ones', async () => {
    const user = await createUser(prisma);
    const t = Date.now() - 100_000;
    await notice(user.id, 'READ_NEWEST', new Date(t + 4000), new Date());
    await notice(user.id, 'UNREAD_OLD', new Date(t + 1000));
    await notice(user.id, 'UNREAD_NEW', new Date(t + 3000));
    const other = await createUser(prisma);
    await notice(other.id, 'NOT_MINE', new Date(t + 5000));
    const session = await signedInAs(app, user);
    const body = await callOperation(app, noticesOperations.list, { as: session });
    expect(body.unreadCount).toBe(2);
    expect(body.notices.map((n) => n.kind)).toEqual(['UNREAD_NEW', 'UNREAD_OLD', 'READ_NEWEST']);
    expect(body.notices[0]).toMatchObject({ params: { protocol: 'IMAP' }, byStaff: false, readAt: null });
  });

  it('marks one notice read; another user’s notice is not found and stays unread', async () => {
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const mine = await notice(user.id, 'PROTOCOL_ENABLED', new Date());
    const theirs = await notice(other.id, 'PROTOCOL_ENABLED', new Date());
    const session = await signedInAs(app, user, { steppedUp: false });
    const read = (id: string) =>
      app.inject({
        method: 'POST',
        url: `/api/account/notices/${id}/read`,
        cookies: session.cookies,
        headers: session.headers,
      });

    expect((await read(mine.id)).statusCode).toBe(204);
    expect((await prisma.securityNotice.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    expect((await read(mine.id)).statusCode).toBe(204);

    const foreign = await read(theirs.id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('NOT_FOUND');
    expect((await prisma.securityNotice.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect((await read(crypto.randomUUID())).json().code).toBe('NOT_FOUND');
    const invalid = await read('nope');
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('VALIDATION_FAILED');
  });

  it('marks all of the user’s notices read, and only theirs', async () => {
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    await notice(user.id, 'A', new Date());
    await notice(user.id, 'B', new Date());
    const theirs = await notice(other.id, 'C', new Date());
    const session = await signedInAs(app, user);
    const noCsrf = await app.inject({ method: 'POST', url: '/api/account/notices/read-all', cookies: session.cookies });
    expect(noCsrf.json().code).toBe('CSRF_CHECK_FAILED');
    expect(await callOperation(app, noticesOperations.markAllRead, { as: session })).toEqual({ marked: 2 });
    expect(await prisma.securityNotice.count({ where: { userId: user.id, readAt: null } })).toBe(0);
    expect((await prisma.securityNotice.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });

  it('needs a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/account/notices' });
    expect(response.statusCode).toBe(401);
  });
});
