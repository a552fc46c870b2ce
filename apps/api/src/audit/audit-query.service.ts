import { Injectable } from '@nestjs/common';
import { encodeCursor, type AuditCursor, type AuditEventView, type AuditExportQuery } from '@mailgate/contracts';
import type { Prisma } from '../generated/prisma/client.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { csvRow } from './audit-csv.js';

export type AuditFilters = AuditExportQuery;

export interface AuditPage {
  readonly items: AuditEventView[];
  readonly nextCursor: string | null;
}

/** The export stops here; narrower filters give the rest. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
const EXPORT_BATCH = 1_000;

const CSV_COLUMNS = [
  'id',
  'createdAt',
  'actorRole',
  'actorEmail',
  'actorId',
  'targetEmail',
  'targetUserId',
  'action',
  'reason',
  'before',
  'after',
  'ip',
  'requestId',
] as const;

/**
 * Reads the append-only audit log for staff: newest first, filtered, keyset-paginated on the
 * event id (ids grow with time), and exported as CSV. Nothing here writes to the table.
 */
@Injectable()
export class AuditQueryService {
  constructor(private readonly prisma: PrismaService) {}

  /** `cursor` comes decoded and range-checked by the contract (ZAuditLogQuery). */
  async query(filters: AuditFilters, options: { cursor?: AuditCursor; limit: number }): Promise<AuditPage> {
    const beforeId = options.cursor?.before ?? null;
    const rows = await this.read(filters, beforeId, options.limit + 1);
    const hasMore = rows.length > options.limit;
    const items = (hasMore ? rows.slice(0, options.limit) : rows).map(toView);
    const last = items.at(-1);
    return { items, nextCursor: hasMore && last ? encodeCursor({ before: last.id }) : null };
  }

  /**
   * The filtered log as CSV lines (header first), read in batches so memory stays flat. The first
   * batch is read before this resolves, so a query that fails at all fails before the response
   * has begun and is answered as a problem. A later failure ends the stream with an error, which
   * aborts the response without its final chunk: the client sees a broken transfer, never a file
   * that looks complete. (No trailer row: the file stays plain CSV for spreadsheets.)
   */
  async openCsvExport(filters: AuditFilters): Promise<AsyncGenerator<string>> {
    const first = await this.read(filters, null, Math.min(EXPORT_BATCH, AUDIT_EXPORT_MAX_ROWS));
    return this.csvLines(filters, first);
  }

  private async *csvLines(filters: AuditFilters, first: AuditRow[]): AsyncGenerator<string> {
    yield csvRow(CSV_COLUMNS);
    let rows = first;
    let written = 0;
    while (rows.length > 0) {
      for (const view of rows.map(toView)) {
        yield csvRow(CSV_COLUMNS.map((column) => cellOf(view, column)));
      }
      written += rows.length;
      if (written >= AUDIT_EXPORT_MAX_ROWS) return;
      rows = await this.read(filters, rows.at(-1)!.id, Math.min(EXPORT_BATCH, AUDIT_EXPORT_MAX_ROWS - written));
    }
  }

  private read(filters: AuditFilters, beforeId: bigint | null, take: number): Promise<AuditRow[]> {
    const where: Prisma.AuditEventWhereInput = {
      ...(filters.userId ? { targetUserId: filters.userId } : {}),
      ...(filters.actorId ? { actorId: filters.actorId } : {}),
      // By address through the relation: an unknown address matches nothing (not "no filter").
      ...(filters.userEmail ? { target: { is: { email: filters.userEmail } } } : {}),
      ...(filters.actorEmail ? { actor: { is: { email: filters.actorEmail } } } : {}),
      ...(filters.action
        ? filters.action.endsWith('.')
          ? { action: { startsWith: filters.action } }
          : { action: filters.action }
        : {}),
      ...(filters.from || filters.to
        ? {
            createdAt: {
              ...(filters.from ? { gte: new Date(filters.from) } : {}),
              ...(filters.to ? { lt: new Date(filters.to) } : {}),
            },
          }
        : {}),
      ...(beforeId !== null ? { id: { lt: beforeId } } : {}),
    };
    return this.prisma.auditEvent.findMany({
      where,
      orderBy: { id: 'desc' },
      take,
      include: { actor: { select: { email: true } }, target: { select: { email: true } } },
    });
  }
}

type AuditRow = Prisma.AuditEventGetPayload<{
  include: { actor: { select: { email: true } }; target: { select: { email: true } } };
}>;

function toView(row: AuditRow): AuditEventView {
  return {
    id: row.id.toString(),
    createdAt: row.createdAt.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actor?.email ?? null,
    actorRole: row.actorRole,
    targetUserId: row.targetUserId,
    targetEmail: row.target?.email ?? null,
    action: row.action,
    before: row.before,
    after: row.after,
    reason: row.reason,
    ip: row.ip,
    requestId: row.requestId,
  };
}

function cellOf(view: AuditEventView, column: (typeof CSV_COLUMNS)[number]): string | null {
  const value = view[column];
  if (column === 'before' || column === 'after')
    return value === null || value === undefined ? null : JSON.stringify(value);
  return (value as string | null) ?? null;
}
