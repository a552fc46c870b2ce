import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEventsFor, callAs, signedInUser, type Caller } from '../../../test/support/admin-kit.js';
import { createCustomer } from '../../../test/support/admin-fixtures.js';
import { giveRecoveryAddress, outboxMailsTo, tokenMailedTo } from '../../../test/support/recovery-kit.js';
import { withTestApp } from '../../../test/support/test-app.js';
import type { PrismaService } from '../../infrastructure/database/prisma.service.js';

let app: NestFastifyApplication;
let prisma: PrismaService;
let support: Caller;
let admin: Caller;

withTestApp((started) => ({ app, prisma } = started), { PUBLIC_URL: 'https://mail.example.test' });
beforeAll(async () => {
  support = await signedInUser(app, 'SUPPORT');
  admin = await signedInUser(app, 'ADMIN');
});

const reason = { reason: 'Locked out, identity checked by phone' };
const send = (caller: Caller, userId: string) =>
  callAs(app, caller, 'POST', `/api/admin/users/${userId}/password-reset-links`, { payload: reason });
const reveal = (caller: Caller, userId: string) =>
  callAs(app, caller, 'POST', `/api/admin/users/${userId}/password-reset-links/reveal`, { payload: reason });

describe('staff password resets without seeing the link', () => {
  it('a support member cannot obtain a usable link for a user who has a recovery address', async () => {
    const customer = await createCustomer(app);
    const recovery = await giveRecoveryAddress(app, customer.user.id);
    const sent = await send(support, customer.user.id);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toEqual({ sentTo: `${recovery.slice(0, 1)}•••@example.test`, expiresAt: expect.any(String) });
    const token = await tokenMailedTo(app, recovery, 'PASSWORD_RESET_LINK');

    // Nothing support can read holds the token: the answer, the audit trail, the notice, the user detail.
    const detail = await callAs(app, support, 'GET', `/api/admin/users/${customer.user.id}`);
    const audit = await callAs(app, support, 'GET', '/api/admin/audit-events', { query: { userId: customer.user.id } });
    for (const body of [sent.body, detail.body, audit.body]) expect(body).not.toContain(token);
    expect(JSON.stringify(await prisma.securityNotice.findMany({ where: { userId: customer.user.id } }))).not.toContain(
      token,
    );
    // Revealing is for admins only, and not even they get one while a recovery address exists.
    expect((await reveal(support, customer.user.id)).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await reveal(admin, customer.user.id)).json()).toMatchObject({
      status: 409,
      code: 'RECOVERY_ADDRESS_EXISTS',
    });
    // The mailbox (not only the recovery address) learns that staff sent a link; that mail has no link.
    const toMailbox = await outboxMailsTo(app, customer.user.email);
    expect(toMailbox.map((mail) => mail.kind)).toContain('PASSWORD_RESET_LINK_CREATED');
    expect(toMailbox.map((mail) => mail.text).join('\n')).not.toMatch(/https?:\/\//);
  });

  it('without a recovery address support is refused, and an admin may reveal a link as its own audited action', async () => {
    const customer = await createCustomer(app);
    const refused = await send(support, customer.user.id);
    expect(refused.json()).toMatchObject({ status: 409, code: 'NO_RECOVERY_ADDRESS' });
    expect(await prisma.passwordResetToken.count({ where: { userId: customer.user.id } })).toBe(0);

    const revealed = await reveal(admin, customer.user.id);
    expect(revealed.statusCode, revealed.body).toBe(201);
    const link = revealed.json<{ token: string; url: string }>();
    expect(link.url).toBe(`https://mail.example.test/reset-password#token=${link.token}`);
    const events = await auditEventsFor(app, customer.user.id);
    expect(events.map((event) => event.action)).toEqual(['password_reset.link_revealed']);
    expect(events[0]).toMatchObject({ actorId: admin.user.id, actorRole: 'ADMIN', reason: reason.reason });
    expect(JSON.stringify(events.map((event) => [event.before, event.after]))).not.toContain(link.token);
  });

  it('revealing needs a step-up like every hand-over', async () => {
    const customer = await createCustomer(app);
    const stale = await signedInUser(app, 'ADMIN', { steppedUp: false });
    expect((await reveal(stale, customer.user.id)).json()).toMatchObject({ status: 403, code: 'STEP_UP_REQUIRED' });
    expect(await prisma.passwordResetToken.count({ where: { userId: customer.user.id } })).toBe(0);
  });
});
