import { Readable } from 'node:stream';
import { Controller, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { adminAuditOperations, type AuditLogResponse } from '@mailgate/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { AuditQueryService } from '../audit/audit-query.service.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import { ContractQuery, type QueryOf } from '../infrastructure/common/http/contract-input.decorator.js';

/** The audit log for staff: read-only by design (the table itself refuses UPDATE and DELETE). */
@Controller()
@Roles('SUPPORT', 'ADMIN')
export class AdminAuditController {
  constructor(private readonly auditQuery: AuditQueryService) {}

  @ContractRoute(adminAuditOperations.queryAuditLog)
  async query(@ContractQuery() query: QueryOf<typeof adminAuditOperations.queryAuditLog>): Promise<AuditLogResponse> {
    const { cursor, limit, ...filters } = query;
    return this.auditQuery.query(filters, { ...(cursor ? { cursor } : {}), limit });
  }

  @ContractRoute(adminAuditOperations.exportAuditLog)
  async export(
    @ContractQuery() query: QueryOf<typeof adminAuditOperations.exportAuditLog>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    // Validated by the contract and the first batch read before a single header goes out.
    const lines = await this.auditQuery.openCsvExport(query);
    const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="mailgate-audit-${stamp}.csv"`);
    return Readable.from(lines);
  }
}
