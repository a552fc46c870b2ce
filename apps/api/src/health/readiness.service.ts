import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ReadinessResponse } from '@mailgate/contracts';
import { PrismaService } from '../database/prisma.service.js';
import { findPendingMigrations, listMigrationNames } from './migration-status.js';

type Check = ReadinessResponse['checks'][number] & { degradedOnly?: boolean };

/** A dependency that can report whether it works; later modules (Redis) register theirs. */
export interface ReadinessProbe {
  readonly name: string;
  /** A failing probe marked `degradedOnly` leaves the service ready, with a fallback in use. */
  readonly degradedOnly: boolean;
  probe(): Promise<{ ok: boolean; detail?: string }>;
}

@Injectable()
export class ReadinessService implements OnModuleInit {
  private readonly logger = new Logger('Readiness');
  private readonly probes: ReadinessProbe[] = [];
  private shippedMigrations: string[] = [];

  constructor(private readonly prisma: PrismaService) {}

  async onModuleInit(): Promise<void> {
    this.shippedMigrations = await listMigrationNames();
  }

  register(probe: ReadinessProbe): void {
    this.probes.push(probe);
  }

  async check(): Promise<ReadinessResponse> {
    const checks: Check[] = [await this.checkDatabase()];
    for (const probe of this.probes) {
      const result = await probe.probe().catch(() => ({ ok: false, detail: 'probe failed' }));
      checks.push({ name: probe.name, ...result, degradedOnly: probe.degradedOnly });
    }
    const hardFailure = checks.some((check) => !check.ok && !check.degradedOnly);
    const softFailure = checks.some((check) => !check.ok);
    return {
      status: hardFailure ? 'unavailable' : softFailure ? 'degraded' : 'ready',
      checks: checks.map(({ degradedOnly: _, ...check }) => check),
    };
  }

  private async checkDatabase(): Promise<Check> {
    try {
      const pending = await findPendingMigrations(this.prisma, this.shippedMigrations);
      return pending.length === 0
        ? { name: 'database', ok: true }
        : { name: 'database', ok: false, detail: `${pending.length} migration(s) not applied` };
    } catch (error) {
      this.logger.warn({ err: error }, 'database readiness check failed');
      return { name: 'database', ok: false, detail: 'database unreachable' };
    }
  }
}
