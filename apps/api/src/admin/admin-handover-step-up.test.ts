import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { describe, expect, it } from 'vitest';
import { giveRecoveryAddress } from '../../test/support/recovery-kit.js';
import { withTestApp } from '../../test/support/test-app.js';
import { auditEventsFor, callAs, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import { createCustomer } from '../../test/support/admin-fixtures.js';
import type { PrismaService } from '../infrastructure/database/prisma.service.js';

/**
 * Staff actions that can hand an account to someone else (or take it from its owner) need a
 * step-up as fresh as the user's own sensitive actions: 5 minutes, one rule for both.
 */
let app: NestFastifyApplication;
let prisma: PrismaService;
withTestApp((started) => ({ app, prisma } = started));

const HANDOVER_ACTIONS = [
  ['2FA removal', 'two-factor/remove', 204],
  ['reset link', 'password-reset-links', 201],
  ['disabling', 'disable', 200],
] as const;

async function supportSteppedUpMinutesAgo(minutes: number): Promise<Caller> {
  const support = await signedInUser(app, 'SUPPORT');
  // 2FA on long before: a step-up from before 2FA would not count for another reason.
  await prisma.user.update({
    where: { id: support.user.id },
    data: { totpEnabledAt: new Date(Date.now() - 60 * 60_000) },
  });
  await prisma.session.update({
    where: { id: support.auth.sessionId },
    data: { lastStepUpAt: new Date(Date.now() - minutes * 60_000) },
  });
  return support;
}

describe('staff hand-over actions', () => {
  it.each(HANDOVER_ACTIONS)('%s with a 6-minute-old step-up is refused and changes nothing', async (_label, path) => {
    const support = await supportSteppedUpMinutesAgo(6);
    const customer = await createCustomer(app);
    await giveRecoveryAddress(app, customer.user.id);
    const before = await prisma.user.findUniqueOrThrow({ where: { id: customer.user.id } });
    const response = await callAs(app, support, 'POST', `/api/admin/users/${customer.user.id}/${path}`, {
      payload: { reason: 'Caller verified by phone' },
    });
    expect(response.json()).toMatchObject({ status: 403, code: 'STEP_UP_REQUIRED' });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: customer.user.id } });
    expect(after).toMatchObject({
      securityVersion: before.securityVersion,
      totpEnabledAt: before.totpEnabledAt,
      disabledAt: null,
    });
    expect(await prisma.passwordResetToken.count({ where: { userId: customer.user.id } })).toBe(0);
    expect(await auditEventsFor(app, customer.user.id)).toEqual([]);
  });

  it.each(HANDOVER_ACTIONS)('%s with a 4-minute-old step-up goes through', async (_label, path, status) => {
    const support = await supportSteppedUpMinutesAgo(4);
    const customer = await createCustomer(app);
    // A reset link goes to the recovery address; without one, support is refused for that reason.
    await giveRecoveryAddress(app, customer.user.id);
    const response = await callAs(app, support, 'POST', `/api/admin/users/${customer.user.id}/${path}`, {
      payload: { reason: 'Caller verified by phone' },
    });
    expect(response.statusCode, response.body).toBe(status);
  });
});
