import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client.js';
import type { AuditEventInput } from './audit.types.js';

type TransactionClient = Prisma.TransactionClient;

/**
 * Writes audit events. It takes the caller's transaction on purpose: an audit event is written
 * in the same transaction as the change it records, so there is never a change without its
 * record, or a record of a change that rolled back. The table itself is append-only (trigger).
 */
@Injectable()
export class AuditService {
  async record(tx: TransactionClient, event: AuditEventInput): Promise<void> {
    await tx.auditEvent.create({
      data: {
        actorId: event.actor.userId,
        actorRole: event.actor.role,
        targetUserId: event.targetUserId ?? null,
        action: event.action,
        before: toJson(event.before),
        after: toJson(event.after),
        reason: event.reason ?? null,
        ip: event.meta?.ip ?? null,
        requestId: event.meta?.requestId ?? null,
      },
    });
  }
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  // Dates and other non-JSON values become their JSON form, as they would over the API.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
