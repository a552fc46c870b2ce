import { Injectable } from '@nestjs/common';
import { CommonErrors, type SecurityNoticeView } from '@mailgate/contracts';
import { AppError } from '../common/http/app-error.js';
import { PrismaService } from '../database/prisma.service.js';

const MAX_UNREAD = 100;
const MAX_READ = 20;

/** The user's side of security notices: read them, mark them read. Always scoped by user id. */
@Injectable()
export class AccountNoticesService {
  constructor(private readonly prisma: PrismaService) {}

  async list(userId: string): Promise<{ notices: SecurityNoticeView[]; unreadCount: number }> {
    const [unread, read, unreadCount] = await Promise.all([
      this.prisma.securityNotice.findMany({
        where: { userId, readAt: null },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: MAX_UNREAD,
      }),
      this.prisma.securityNotice.findMany({
        where: { userId, readAt: { not: null } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: MAX_READ,
      }),
      this.prisma.securityNotice.count({ where: { userId, readAt: null } }),
    ]);
    return { notices: [...unread, ...read].map(toView), unreadCount };
  }

  /** Another user's notice id is "not found", exactly like an id that does not exist. */
  async markRead(userId: string, noticeId: string, now: Date = new Date()): Promise<void> {
    const { count } = await this.prisma.securityNotice.updateMany({
      where: { id: noticeId, userId, readAt: null },
      data: { readAt: now },
    });
    if (count > 0) return;
    const exists = await this.prisma.securityNotice.count({ where: { id: noticeId, userId } });
    if (exists === 0) throw new AppError(CommonErrors.NOT_FOUND);
  }

  async markAllRead(userId: string, now: Date = new Date()): Promise<number> {
    const { count } = await this.prisma.securityNotice.updateMany({
      where: { userId, readAt: null },
      data: { readAt: now },
    });
    return count;
  }
}

function toView(row: {
  id: string;
  kind: string;
  params: unknown;
  byStaff: boolean;
  reason: string | null;
  createdAt: Date;
  readAt: Date | null;
}): SecurityNoticeView {
  return {
    id: row.id,
    kind: row.kind,
    params: isParams(row.params) ? row.params : {},
    byStaff: row.byStaff,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

function isParams(value: unknown): value is SecurityNoticeView['params'] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((item) => item === null || ['string', 'number', 'boolean'].includes(typeof item));
}
