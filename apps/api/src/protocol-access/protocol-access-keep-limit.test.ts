import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { createUser, signedInAs } from '../../test/support/builders.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';

/** `duration: keep`: a change of another option never moves the time limit the user did not touch. */
describe('protocol access: keeping the time limit', () => {
  let app: NestFastifyApplication;
  let prisma: PrismaService;

  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  afterAll(() => app.close());

  async function signedInUserWithPop3For7Days() {
    const user = await createUser(prisma);
    const session = await signedInAs(app, user);
    const put = (payload: object) =>
      app.inject({
        method: 'PUT',
        url: '/api/account/protocols/pop3',
        cookies: session.cookies,
        headers: session.headers,
        payload,
      });
    const turnedOn = await put({ enabled: true, duration: '7d', pop3KeepCopy: true });
    expect(turnedOn.statusCode, turnedOn.body).toBe(200);
    const row = () =>
      prisma.protocolAccess.findUniqueOrThrow({ where: { userId_protocol: { userId: user.id, protocol: 'POP3' } } });
    return { user, put, row, before: await row() };
  }

  it('changes only "keep a copy": enabledUntil and enabledAt stay, the audit and notice say so', async () => {
    const { user, put, row, before } = await signedInUserWithPop3For7Days();
    expect(before.enabledUntil).not.toBeNull();

    const response = await put({ enabled: true, duration: 'keep', pop3KeepCopy: false });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      enabledUntil: before.enabledUntil!.toISOString(),
      pop3KeepCopy: false,
      effectiveEnabled: true,
    });
    const after = await row();
    expect(after.enabledUntil).toEqual(before.enabledUntil);
    expect(after.enabledAt).toEqual(before.enabledAt);
    expect(after.pop3KeepCopy).toBe(false);

    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { targetUserId: user.id, action: 'protocol_access.updated' },
    });
    expect(audit.before).toMatchObject({ enabledUntil: before.enabledUntil!.toISOString(), pop3KeepCopy: true });
    expect(audit.after).toMatchObject({ enabledUntil: before.enabledUntil!.toISOString(), pop3KeepCopy: false });
    const notice = await prisma.securityNotice.findFirstOrThrow({
      where: { userId: user.id, kind: 'PROTOCOL_SETTINGS_CHANGED' },
    });
    expect(notice.params).toMatchObject({ enabledUntil: before.enabledUntil!.toISOString(), pop3KeepCopy: false });
  });

  it('keeps "until I turn it off" as well, and re-sending the same state writes nothing', async () => {
    const { user, put, row } = await signedInUserWithPop3For7Days();
    expect((await put({ enabled: true, duration: 'unlimited' })).statusCode).toBe(200);
    expect((await put({ enabled: true, duration: 'keep', pop3KeepCopy: false })).json()).toMatchObject({
      enabledUntil: null,
      pop3KeepCopy: false,
    });
    expect((await row()).enabledUntil).toBeNull();
    const events = await prisma.auditEvent.count({ where: { targetUserId: user.id } });
    expect((await put({ enabled: true, duration: 'keep', pop3KeepCopy: false })).statusCode).toBe(200);
    expect(await prisma.auditEvent.count({ where: { targetUserId: user.id } })).toBe(events);
  });

  it('refuses to keep a limit that already ended, and changes nothing', async () => {
    const { user, put, row } = await signedInUserWithPop3For7Days();
    const ended = new Date(Date.now() - 60_000);
    await prisma.protocolAccess.update({
      where: { userId_protocol: { userId: user.id, protocol: 'POP3' } },
      data: { enabledUntil: ended },
    });
    const response = await put({ enabled: true, duration: 'keep', pop3KeepCopy: false });
    expect(response.json()).toMatchObject({ status: 409, code: 'NO_LIMIT_TO_KEEP' });
    expect(await row()).toMatchObject({ enabledUntil: ended, pop3KeepCopy: true });
  });

  it('a chosen duration still starts a new limit from now', async () => {
    const { put, row, before } = await signedInUserWithPop3For7Days();
    expect((await put({ enabled: true, duration: '30d' })).statusCode).toBe(200);
    expect((await row()).enabledUntil!.getTime()).toBeGreaterThan(before.enabledUntil!.getTime());
  });
});
