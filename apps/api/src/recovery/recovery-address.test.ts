import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it } from 'vitest';
import { callAs, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import { randomEmail } from '../../test/support/builders.js';
import { outboxMailsTo, tokenMailedTo } from '../../test/support/recovery-kit.js';
import { withTestApp } from '../../test/support/test-app.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';
import { ForgotPasswordService } from './forgot-password.service.js';

let app: NestFastifyApplication;
let prisma: PrismaService;
withTestApp((started) => ({ app, prisma } = started), { PUBLIC_URL: 'https://mail.example.test' });

const setAddress = (caller: Caller, email: string) =>
  callAs(app, caller, 'PUT', '/api/account/recovery-address', { payload: { email } });
const confirm = (token: string) =>
  app.inject({
    method: 'POST',
    url: '/api/recovery-address/confirm',
    headers: { 'x-requested-with': 'mailgate' },
    payload: { token },
  });

async function confirmedUser(): Promise<{ user: Caller; address: string }> {
  const user = await signedInUser(app, 'USER');
  const address = randomEmail('old');
  expect((await setAddress(user, address)).statusCode).toBe(200);
  expect((await confirm(await tokenMailedTo(app, address, 'RECOVERY_CONFIRM'))).statusCode).toBe(200);
  return { user, address };
}

describe('recovery address', () => {
  it('counts only after its one-time link: hashed at rest, single use, audited, with a notice mailed to both', async () => {
    const user = await signedInUser(app, 'USER');
    const address = randomEmail('recovery');
    const requested = await setAddress(user, address.toUpperCase());
    expect(requested.statusCode, requested.body).toBe(200);
    expect(requested.json()).toMatchObject({ address: null, pending: { address } });

    const token = await tokenMailedTo(app, address, 'RECOVERY_CONFIRM');
    const [mail] = await outboxMailsTo(app, address);
    expect(mail!.text).toContain(`https://mail.example.test/confirm-recovery-address#token=${token}`);
    const stored = await prisma.recoveryAddress.findUniqueOrThrow({ where: { userId: user.user.id } });
    expect(stored.pendingTokenHash).not.toContain(token);
    const rows = await prisma.outboxMail.findMany({
      where: { toAddress: address },
      select: { textBody: true, htmlBody: true },
    });
    expect(JSON.stringify(rows)).not.toContain(token);

    const confirmed = await confirm(token);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().address).toBe(`${address.slice(0, 1)}•••@example.test`);
    expect((await confirm(token)).json()).toMatchObject({ status: 400, code: 'RECOVERY_LINK_INVALID' });
    const view = await callAs(app, user, 'GET', '/api/account/recovery-address');
    expect(view.json()).toMatchObject({ address, pending: null });

    const audit = await prisma.auditEvent.findMany({ where: { targetUserId: user.user.id }, orderBy: { id: 'asc' } });
    expect(audit.map((event) => event.action)).toEqual([
      'recovery_address.change_requested',
      'recovery_address.confirmed',
    ]);
    // The confirmation is told to the mailbox and to the new address.
    expect((await outboxMailsTo(app, user.user.email)).map((m) => m.kind)).toEqual(['RECOVERY_ADDRESS_CONFIRMED']);
    expect((await outboxMailsTo(app, address)).map((m) => m.kind)).toEqual([
      'RECOVERY_CONFIRM',
      'RECOVERY_ADDRESS_CONFIRMED',
    ]);
  });

  it('needs a step-up to add, change or remove, and refuses the mailbox itself', async () => {
    const user = await signedInUser(app, 'USER', { steppedUp: false });
    expect((await setAddress(user, randomEmail())).json()).toMatchObject({ status: 403, code: 'STEP_UP_REQUIRED' });
    expect((await callAs(app, user, 'DELETE', '/api/account/recovery-address')).json().code).toBe('STEP_UP_REQUIRED');
    const steppedUp = await signedInUser(app, 'USER');
    expect((await setAddress(steppedUp, steppedUp.user.email)).json()).toMatchObject({
      status: 400,
      code: 'RECOVERY_ADDRESS_IS_MAILBOX',
    });
    expect((await setAddress(steppedUp, 'not an address')).json().code).toBe('VALIDATION_FAILED');
    expect(await prisma.recoveryAddress.count({ where: { userId: { in: [user.user.id, steppedUp.user.id] } } })).toBe(
      0,
    );
  });

  it('a change tells the old address at once and keeps it until the new one is confirmed', async () => {
    const { user, address: old } = await confirmedUser();
    const next = randomEmail('new');
    expect((await setAddress(user, old)).json().code).toBe('RECOVERY_ADDRESS_UNCHANGED');
    const changed = await setAddress(user, next);
    expect(changed.json()).toMatchObject({ address: old, pending: { address: next } });
    const told = (await outboxMailsTo(app, old)).filter((mail) => mail.kind === 'RECOVERY_ADDRESS_CHANGE_REQUESTED');
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('n•••@example.test');
    expect(told[0]!.text).not.toContain(next);

    // A newer request voids the older link.
    const firstToken = await tokenMailedTo(app, next, 'RECOVERY_CONFIRM');
    const third = randomEmail('third');
    await setAddress(user, third);
    expect((await confirm(firstToken)).json().code).toBe('RECOVERY_LINK_INVALID');
    expect((await confirm(await tokenMailedTo(app, third, 'RECOVERY_CONFIRM'))).statusCode).toBe(200);
    expect((await callAs(app, user, 'GET', '/api/account/recovery-address')).json().address).toBe(third);
  });

  it('an expired link is refused like an unknown one', async () => {
    const user = await signedInUser(app, 'USER');
    const address = randomEmail();
    await setAddress(user, address);
    await prisma.recoveryAddress.update({
      where: { userId: user.user.id },
      data: { pendingExpiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await confirm(await tokenMailedTo(app, address, 'RECOVERY_CONFIRM'));
    expect(expired.json()).toMatchObject({ status: 400, code: 'RECOVERY_LINK_INVALID' });
    expect((await confirm('never-issued')).json().code).toBe('RECOVERY_LINK_INVALID');
  });

  it('removal tells the old address and the mailbox, and is audited', async () => {
    const { user, address } = await confirmedUser();
    const removed = await callAs(app, user, 'DELETE', '/api/account/recovery-address');
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await prisma.recoveryAddress.count({ where: { userId: user.user.id } })).toBe(0);
    expect((await outboxMailsTo(app, address)).map((mail) => mail.kind)).toContain('RECOVERY_ADDRESS_REMOVED');
    expect((await outboxMailsTo(app, user.user.email)).map((mail) => mail.kind)).toContain('RECOVERY_ADDRESS_REMOVED');
    const actions = (await prisma.auditEvent.findMany({ where: { targetUserId: user.user.id } })).map((e) => e.action);
    expect(actions).toContain('recovery_address.removed');
    expect((await callAs(app, user, 'DELETE', '/api/account/recovery-address')).json().code).toBe(
      'RECOVERY_ADDRESS_NOT_SET',
    );
  });

  it('limits confirmation mails per user, also when they are sent in parallel', async () => {
    const user = await signedInUser(app, 'USER');
    const responses = await Promise.all(Array.from({ length: 12 }, () => setAddress(user, randomEmail('burst'))));
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
    expect(await prisma.outboxMail.count({ where: { userId: user.user.id, kind: 'RECOVERY_CONFIRM' } })).toBe(5);
  });

  it('a new or removed address voids the reset links mailed to the old one', async () => {
    for (const next of ['change', 'remove'] as const) {
      const { user, address } = await confirmedUser();
      const forgot = await app.inject({
        method: 'POST',
        url: '/api/password-reset/request',
        headers: { 'x-requested-with': 'mailgate' },
        payload: { email: user.user.email },
      });
      expect(forgot.statusCode).toBe(204);
      await app.get(ForgotPasswordService).settled();
      const token = await tokenMailedTo(app, address, 'PASSWORD_RESET_LINK');

      if (next === 'change') {
        const replacement = randomEmail('replacement');
        await setAddress(user, replacement);
        expect((await confirm(await tokenMailedTo(app, replacement, 'RECOVERY_CONFIRM'))).statusCode).toBe(200);
      } else {
        expect((await callAs(app, user, 'DELETE', '/api/account/recovery-address')).statusCode).toBe(204);
      }
      const redeemed = await app.inject({
        method: 'POST',
        url: '/api/password-reset',
        headers: { 'x-requested-with': 'mailgate' },
        payload: { token, newPassword: 'granite orchard velvet compass 1987' },
      });
      expect(redeemed.json(), next).toMatchObject({ status: 400, code: 'RESET_LINK_INVALID' });
    }
  });
});
