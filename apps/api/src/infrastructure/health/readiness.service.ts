import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ReadinessResponse } from '@mailgate/contracts';
import { PrismaService } from '../database/prisma.service.js';
import { DeadlineError, withTimeout } from '../../mail-auth/with-timeout.js';
import { findPendingMigrations, listMigrationNames } from './migration-status.js';

type Check = ReadinessResponse['checks'][number] & { degradedOnly?: boolean };

/**
 * Each probe's deadline. All probes run side by side, so `/api/ready` answers within about this
 * long whatever hangs: a load balancer's health check must get an answer, and "no answer in
 * time" is itself the truth to report.
 */
export const PROBE_DEADLINE_MS = 750;

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
  private draining = false;

  constructor(private readonly prisma: PrismaService) {}

  async onModuleInit(): Promise<void> {
    this.shippedMigrations = await listMigrationNames();
  }

  register(probe: ReadinessProbe): void {
    this.probes.push(probe);
  }

  /**
   * Called once the process is told to stop: from then on readiness says "draining" (503), so load
   * balancers send no new work while the requests in flight are answered. There is no way back.
   */
  startDraining(): void {
    this.draining = true;
  }

  isDraining(): boolean {
    return this.draining;
  }

  async check(): Promise<ReadinessResponse> {
    if (this.draining) return { status: 'draining', checks: [] };
    const checks: Check[] = await Promise.all([
      this.checkDatabase(),
      ...this.probes.map(async (probe): Promise<Check> => {
        const result = await withTimeout(probe.probe(), PROBE_DEADLINE_MS, `readiness probe ${probe.name}`).catch(
          () => ({ ok: false, detail: 'probe failed or did not answer in time' }),
        );
        return { name: probe.name, ...result, degradedOnly: probe.degradedOnly };
      }),
    ]);
    const hardFailure = checks.some((check) => !check.ok && !check.degradedOnly);
    const softFailure = checks.some((check) => !check.ok);
    return {
      status: hardFailure ? 'unavailable' : softFailure ? 'degraded' : 'ready',
      checks: checks.map(({ degradedOnly: _, ...check }) => check),
    };
  }

  private async checkDatabase(): Promise<Check> {
    try {
      const pending = await withTimeout(
        findPendingMigrations(this.prisma, this.shippedMigrations),
        PROBE_DEADLINE_MS,
        'database readiness probe',
      );
      return pending.length === 0
        ? { name: 'database', ok: true }
        : { name: 'database', ok: false, detail: `${pending.length} migration(s) not applied` };
    } catch (error) {
      this.logger.warn({ err: error }, 'database readiness check failed');
      const hung = error instanceof DeadlineError;
      return { name: 'database', ok: false, detail: hung ? 'database not answering in time' : 'database unreachable' };
    }
  }
}
