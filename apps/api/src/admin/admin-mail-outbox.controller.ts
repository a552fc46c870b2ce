import { Controller } from '@nestjs/common';
import { adminMailOutboxOperations, type MailOutboxView, type OutboxMailSummary } from '@mailgate/contracts';
import { Roles } from '../auth/auth.decorators.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { maskAddress } from '../mail/mail-render.js';
import { MailTransport } from '../mail/mail-transport.js';

const SUMMARY_FIELDS = {
  id: true,
  kind: true,
  toAddress: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
} as const;

type SummaryRow = {
  id: bigint;
  kind: string;
  toAddress: string;
  subject: string;
  status: OutboxMailSummary['status'];
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

function toSummary(row: SummaryRow): OutboxMailSummary {
  return {
    id: String(row.id),
    kind: row.kind,
    to: maskAddress(row.toAddress),
    // A reset mail's subject names the mailbox; that is the user's own address, which staff see anyway.
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** Staff see whether mail gets out: counts, the mails that gave up, the newest ones. Never a body. */
@Controller()
@Roles('SUPPORT', 'ADMIN')
export class AdminMailOutboxController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly transport: MailTransport,
  ) {}

  @ContractRoute(adminMailOutboxOperations.getMailOutbox)
  async get(): Promise<MailOutboxView> {
    const [pending, failed, failures, recent] = await Promise.all([
      this.prisma.outboxMail.count({ where: { status: 'PENDING' } }),
      this.prisma.outboxMail.count({ where: { status: 'FAILED' } }),
      this.prisma.outboxMail.findMany({
        where: { status: 'FAILED' },
        orderBy: { id: 'desc' },
        take: 50,
        select: SUMMARY_FIELDS,
      }),
      this.prisma.outboxMail.findMany({ orderBy: { id: 'desc' }, take: 20, select: SUMMARY_FIELDS }),
    ]);
    return {
      destination: this.transport.destination,
      pending,
      failed,
      failures: failures.map(toSummary),
      recent: recent.map(toSummary),
    };
  }
}
