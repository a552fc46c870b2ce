import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AdminErrors } from '@mailgate/contracts';
import { Prisma } from '../generated/prisma/client.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import { SecretKeyring } from '../common/crypto/secret-keyring.js';
import { AppError } from '../common/http/app-error.js';
import type { RequestMeta } from '../common/http/request-meta.js';
import { PrismaService } from '../database/prisma.service.js';

// Interim implementation written by the admin branch (OWNERSHIP.md: mail owns this file and its
// version replaces this one at merge). Same signatures; minimal but correct.

export interface ServiceTokenView {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** lastUsedAt is written at most this often, so every mail login does not cost a write. */
const LAST_USED_WRITE_INTERVAL_MS = 60_000;

@Injectable()
export class ServiceTokensService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
    private readonly audit: AuditService,
  ) {}

  async create(input: {
    name: string;
    actor: Actor;
    meta: RequestMeta | null;
  }): Promise<{ id: string; token: string }> {
    // 256 random bits; the prefix makes a leaked token recognisable to secret scanners.
    const token = `mgs_${randomBytes(32).toString('base64url')}`;
    try {
      return await this.prisma.$transaction(async (tx) => {
        const created = await tx.serviceToken.create({
          data: {
            name: input.name,
            tokenHash: this.keyring.hash('service-token', token),
            createdById: input.actor.userId,
          },
        });
        await this.audit.record(tx, {
          actor: input.actor,
          action: 'service_token.created',
          after: { id: created.id, name: created.name },
          meta: input.meta,
        });
        return { id: created.id, token };
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new AppError(AdminErrors.SERVICE_TOKEN_NAME_TAKEN);
      }
      throw error;
    }
  }

  async list(): Promise<ServiceTokenView[]> {
    return this.prisma.serviceToken.findMany({
      select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
      orderBy: { createdAt: 'desc' },
    });
  }

  async revoke(input: { id: string; actor: Actor; meta: RequestMeta | null }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const now = new Date();
      const token = await tx.serviceToken.findFirst({ where: { id: input.id, revokedAt: null } });
      if (!token) throw new AppError(AdminErrors.SERVICE_TOKEN_NOT_FOUND);
      await tx.serviceToken.update({ where: { id: token.id }, data: { revokedAt: now } });
      await this.audit.record(tx, {
        actor: input.actor,
        action: 'service_token.revoked',
        before: { id: token.id, name: token.name, revokedAt: null },
        after: { id: token.id, name: token.name, revokedAt: now },
        meta: input.meta,
      });
    });
  }

  async authenticate(bearer: string): Promise<{ id: string; name: string } | null> {
    if (bearer.length === 0 || bearer.length > 256) return null;
    const token = await this.prisma.serviceToken.findFirst({
      where: { tokenHash: { in: this.keyring.candidateHashes('service-token', bearer) }, revokedAt: null },
    });
    if (!token) return null;
    const now = Date.now();
    if (!token.lastUsedAt || now - token.lastUsedAt.getTime() > LAST_USED_WRITE_INTERVAL_MS) {
      await this.prisma.serviceToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date(now) } });
    }
    return { id: token.id, name: token.name };
  }
}
