import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

// Interim implementation written by the admin branch (OWNERSHIP.md: mail owns this file and its
// version replaces this one at merge). Read side only; mail-auth's recorder writes the table.

export interface LoginAttemptView {
  readonly id: string;
  readonly createdAt: Date;
  readonly loginAsTyped: string;
  readonly protocol: 'IMAP' | 'POP3' | 'SMTP' | null;
  readonly clientIp: string | null;
  readonly secured: boolean;
  readonly result: 'ALLOW' | 'DENY' | 'TEMPFAIL';
  readonly reasonCode: string;
  readonly credential: 'PASSWORD' | 'APP_PASSWORD' | 'NONE';
  readonly appPasswordId: string | null;
}

@Injectable()
export class LoginAttemptsService {
  constructor(private readonly prisma: PrismaService) {}

  async recent(userId: string, limit: number): Promise<LoginAttemptView[]> {
    const rows = await this.prisma.loginAttempt.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      take: limit,
    });
    return rows.map((row) => ({
      id: row.id.toString(),
      createdAt: row.createdAt,
      loginAsTyped: row.loginAsTyped,
      protocol: row.protocol,
      clientIp: row.clientIp,
      secured: row.secured,
      result: row.result,
      reasonCode: row.reasonCode,
      credential: row.credential,
      appPasswordId: row.appPasswordId,
    }));
  }
}
