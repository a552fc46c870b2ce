import { Injectable } from '@nestjs/common';
import { CommonErrors, ZMailAuthReason, type FirstLoginAttempt, type FirstLoginResponse } from '@mailgate/contracts';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';

interface AttemptRow {
  createdAt: Date;
  firstAt: Date | null;
  protocol: FirstLoginAttempt['protocol'];
  clientIp: string | null;
  secured: boolean;
  reasonCode: string;
  appPasswordId: string | null;
}

/**
 * "Is it working?" for a newly made app password, read from the attempts mail-auth records
 * (batched: they appear within about a second). Connected = an allowed login with it. Until then,
 * the newest refusal since it was made that is about it: one with this app password (protocol off,
 * plain text, wrong protocol) or one with the account password instead (which the user may have
 * typed by mistake). Refusals of the user's other app passwords are not about this device.
 */
@Injectable()
export class FirstLoginService {
  constructor(private readonly prisma: PrismaService) {}

  async check(userId: string, appPasswordId: string): Promise<FirstLoginResponse> {
    const appPassword = await this.prisma.appPassword.findFirst({
      where: { id: appPasswordId, userId },
      select: { createdAt: true },
    });
    if (!appPassword) throw new AppError(CommonErrors.NOT_FOUND);
    const select = {
      createdAt: true,
      firstAt: true,
      protocol: true,
      clientIp: true,
      secured: true,
      reasonCode: true,
      appPasswordId: true,
    };
    const allowed = await this.prisma.loginAttempt.findFirst({
      where: { userId, appPasswordId, result: 'ALLOW' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select,
    });
    if (allowed) return { status: 'connected', attempt: toAttempt(allowed) };
    const refused = await this.prisma.loginAttempt.findFirst({
      where: {
        userId,
        result: 'DENY',
        createdAt: { gte: appPassword.createdAt },
        OR: [{ appPasswordId }, { appPasswordId: null, credential: { not: 'APP_PASSWORD' } }],
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select,
    });
    return refused ? { status: 'refused', attempt: toAttempt(refused) } : { status: 'waiting', attempt: null };
  }
}

function toAttempt(row: AttemptRow): FirstLoginAttempt {
  const reason = ZMailAuthReason.safeParse(row.reasonCode);
  return {
    // An aggregated success row starts at its hour; firstAt is when that login really happened.
    time: (row.firstAt ?? row.createdAt).toISOString(),
    protocol: row.protocol,
    clientIp: row.clientIp,
    secured: row.secured,
    reasonCode: reason.success ? reason.data : 'AUTH_FAILED',
    credential: row.appPasswordId ? 'app-password' : 'password',
  };
}
