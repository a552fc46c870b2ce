import { Injectable } from '@nestjs/common';
import { CommonErrors, type SecurityNoticeView } from '@mailgate/contracts';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { ACTING_SESSION_PARAM } from './security-notices.service.js';

const MAX_UNREAD = 100;
const MAX_READ = 20;

/** The user's side of security notices: read them, mark them read. Always scoped by user id. */
@Injectable()
export class AccountNoticesService {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The notices for the session that asks: changes that this very session made are left out (see
   * SecurityNoticesService), so a user is never asked "was this you?" about what they just did.
   */
  async list(
    userId: string,
    viewingSessionId: string | null = null,
  ): Promise<{ notices: SecurityNoticeView[]; unreadCount: number }> {
    const [unread, read] = await Promise.all([
      this.prisma.securityNotice.findMany({
        where: { userId, readAt: null },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        // Room for the ones this session made (left out below) and still MAX_UNREAD to show.
        take: MAX_UNREAD * 10,
      }),
      this.prisma.securityNotice.findMany({
        where: { userId, readAt: { not: null } },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: MAX_READ * 5,
      }),
    ]);
    const news = (row: { params: unknown }) => !viewingSessionId || actingSession(row.params) !== viewingSessionId;
    const unreadNews = unread.filter(news);
    return {
      notices: [...unreadNews.slice(0, MAX_UNREAD), ...read.filter(news).slice(0, MAX_READ)].map(toView),
      unreadCount: unreadNews.length,
    };
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
    params: isParams(row.params) ? withoutActingSession(row.params) : {},
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

function actingSession(params: unknown): string | null {
  if (!params || typeof params !== 'object' || Array.isArray(params)) return null;
  const value = (params as Record<string, unknown>)[ACTING_SESSION_PARAM];
  return typeof value === 'string' ? value : null;
}

/** The acting session's id is internal: it decides who sees the notice, and is never shown. */
function withoutActingSession(params: SecurityNoticeView['params']): SecurityNoticeView['params'] {
  const { [ACTING_SESSION_PARAM]: _hidden, ...shown } = params;
  return shown;
}
