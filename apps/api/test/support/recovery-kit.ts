import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { expect } from 'vitest';
import { PrismaService } from '../../src/infrastructure/database/prisma.service.js';
import { MailOutboxService, type MailToEnqueue } from '../../src/mail/mail-outbox.service.js';
import { callAs, type Caller } from './admin-kit.js';
import { randomEmail } from './builders.js';

/** A confirmed recovery address, stored directly (the confirmation flow has its own tests). */
export async function giveRecoveryAddress(
  app: NestFastifyApplication,
  userId: string,
  email = randomEmail('recovery'),
): Promise<string> {
  await app.get(PrismaService).recoveryAddress.upsert({
    where: { userId },
    create: { userId, email, confirmedAt: new Date() },
    update: { email, confirmedAt: new Date() },
  });
  return email;
}

/** An outbox mail as a test reads it back: what was enqueued, with its row id and status. */
export interface ReadMail extends Omit<MailToEnqueue, 'userId'> {
  readonly id: bigint;
  readonly status: string;
}

/** Every outbox mail to this address (oldest first), bodies decrypted while still unsent. */
export async function outboxMailsTo(app: NestFastifyApplication, to: string): Promise<ReadMail[]> {
  const rows = await app.get(PrismaService).outboxMail.findMany({ where: { toAddress: to }, orderBy: { id: 'asc' } });
  const outbox = app.get(MailOutboxService);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    to: row.toAddress,
    subject: row.subject,
    status: row.status,
    ...(row.textBody ? outbox.open(row) : { text: '', html: '', language: '' }),
  }));
}

/** The token of the newest link mailed to this address (`…#token=<token>`). */
export async function tokenMailedTo(app: NestFastifyApplication, to: string, kind: string): Promise<string> {
  const mail = (await outboxMailsTo(app, to)).filter((candidate) => candidate.kind === kind).at(-1);
  const token = mail?.text.match(/#token=([\w-]+)/)?.[1];
  if (!token) throw new Error(`no ${kind} mail with a link to ${to}`);
  return token;
}

/**
 * A staff-issued reset link as the user receives it: sent to their recovery address (given one if
 * they have none) and read back from the outbox. Staff themselves never see it.
 */
export async function staffSentResetToken(
  app: NestFastifyApplication,
  issuer: Caller,
  userId: string,
): Promise<string> {
  const existing = await app.get(PrismaService).recoveryAddress.findUnique({ where: { userId } });
  const address = existing?.email ?? (await giveRecoveryAddress(app, userId));
  const response = await callAs(app, issuer, 'POST', `/api/admin/users/${userId}/password-reset-links`, {
    payload: { reason: 'Locked out, identity checked by phone' },
  });
  expect(response.statusCode, response.body).toBe(201);
  expect(response.body).not.toContain('token');
  return tokenMailedTo(app, address, 'PASSWORD_RESET_LINK');
}
