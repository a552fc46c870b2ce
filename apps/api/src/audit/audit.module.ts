import { Global, Module } from '@nestjs/common';
import { AuditQueryService } from './audit-query.service.js';
import { AuditService } from './audit.service.js';

/** Writing the audit trail (every module) and reading it (the staff panel, the CSV export). */
@Global()
@Module({ providers: [AuditService, AuditQueryService], exports: [AuditService, AuditQueryService] })
export class AuditModule {}
