import { Injectable } from '@nestjs/common';
import { AdminErrors, CommonErrors } from '@mailgate/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { lockUserRow } from '../account-events/security-change.service.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';

export const TARGET_FIELDS = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  disabledAt: true,
  totpEnabledAt: true,
  createdAt: true,
} as const satisfies Prisma.UserSelect;

export type StaffTarget = Prisma.UserGetPayload<{ select: typeof TARGET_FIELDS }>;

/** SUPPORT helps customers only; staff accounts are managed by an ADMIN. */
export function mayActOn(staffRole: Role, targetRole: Role): boolean {
  return staffRole === 'ADMIN' || targetRole === 'USER';
}

/**
 * Loads the account a staff action is about and checks, server-side, that the caller may act on
 * it. Unknown ids are 404; a SUPPORT member aiming at a staff account is 403.
 */
@Injectable()
export class StaffTargetService {
  constructor(private readonly prisma: PrismaService) {}

  async load(
    session: AuthenticatedSession,
    userId: string,
    client: Prisma.TransactionClient = this.prisma,
  ): Promise<StaffTarget> {
    const target = await client.user.findUnique({ where: { id: userId }, select: TARGET_FIELDS });
    if (!target) throw new AppError(AdminErrors.USER_NOT_FOUND);
    if (!mayActOn(session.role, target.role)) {
      throw new AppError(CommonErrors.FORBIDDEN, { internalDetail: `${session.role} may not act on ${target.role}` });
    }
    return target;
  }

  /** The same, inside a transaction, with the user's row locked against concurrent changes. */
  async loadForUpdate(
    tx: Prisma.TransactionClient,
    session: AuthenticatedSession,
    userId: string,
  ): Promise<StaffTarget> {
    await lockUserRow(tx, userId, AdminErrors.USER_NOT_FOUND);
    return this.load(session, userId, tx);
  }
}
