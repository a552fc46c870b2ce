import { Injectable } from '@nestjs/common';
import { CommonErrors, type Protocol } from '@mailgate/contracts';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { AccountEventsService, type AccountChangeKind } from './account-events.service.js';

/** What the change tells the helper while it runs (inside the transaction). */
export interface SecurityChangeControl {
  /** Nothing changed after all (idempotent repeats): no version bump, no publish. */
  unchanged(): void;
  /** The protocols whose open sessions the change ends (see AccountChange.endsAccess). */
  endsAccess(protocols: readonly Protocol[]): void;
}

export interface SecurityChangeOptions<T> {
  /** Locks to take before the user's row, so every path takes them in one order (no deadlock). */
  readonly lockFirst?: (tx: Prisma.TransactionClient) => Promise<void>;
  /** The error for a user id that names no account (default: the common NOT_FOUND). */
  readonly notFound?: ConstructorParameters<typeof AppError>[0];
  /** Work after commit that listeners must find done when they hear of the change. */
  readonly beforePublish?: (result: T) => Promise<void>;
}

/**
 * Locks a user's row for an account change that other work must not interleave with (the row
 * lock serialises them, so `before` in the audit trail is what the change replaced).
 */
export async function lockUserRow(
  tx: Prisma.TransactionClient,
  userId: string,
  notFound: ConstructorParameters<typeof AppError>[0] = CommonErrors.NOT_FOUND,
): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new AppError(notFound);
}

/** The row lock without waiting: false when another transaction holds it (or the user is gone). */
async function tryLockUserRow(tx: Prisma.TransactionClient, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE SKIP LOCKED`;
  return rows.length > 0;
}

/** Marks a change that did not run because its user's row was busy (see runUnlessBusy). */
const BUSY = Symbol('busy');

/**
 * The one path for a change to what a mail login or session of a user may do: lock the user's
 * row, run the change (which writes its own audit event and notice in `tx`), bump
 * `securityVersion` once, commit, then publish once, so every cached decision about the user is
 * void on every instance. A change that throws rolls back and publishes nothing.
 */
@Injectable()
export class SecurityChangeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly accountEvents: AccountEventsService,
  ) {}

  async run<T>(
    userId: string,
    kind: AccountChangeKind,
    change: (tx: Prisma.TransactionClient, control: SecurityChangeControl) => Promise<T>,
    options: SecurityChangeOptions<T> = {},
  ): Promise<T> {
    const lock = async (tx: Prisma.TransactionClient) => {
      await options.lockFirst?.(tx);
      await lockUserRow(tx, userId, options.notFound);
      return true;
    };
    return (await this.execute(userId, kind, lock, change, options)) as T;
  }

  /**
   * The same change for background jobs that must never wait for a user's row: when another
   * transaction holds it (or the user is gone), nothing runs and the answer is `null`; the job
   * retries on its next round.
   */
  async runUnlessBusy<T>(
    userId: string,
    kind: AccountChangeKind,
    change: (tx: Prisma.TransactionClient, control: SecurityChangeControl) => Promise<T>,
  ): Promise<T | null> {
    const result = await this.execute(userId, kind, (tx) => tryLockUserRow(tx, userId), change, {});
    return result === BUSY ? null : (result as T);
  }

  private async execute<T>(
    userId: string,
    kind: AccountChangeKind,
    lock: (tx: Prisma.TransactionClient) => Promise<boolean>,
    change: (tx: Prisma.TransactionClient, control: SecurityChangeControl) => Promise<T>,
    options: SecurityChangeOptions<T>,
  ): Promise<T | typeof BUSY> {
    let changed = true;
    let endsAccess: readonly Protocol[] | undefined;
    const control: SecurityChangeControl = {
      unchanged: () => {
        changed = false;
      },
      endsAccess: (protocols) => {
        endsAccess = protocols;
      },
    };
    const outcome = await this.prisma.$transaction(async (tx) => {
      if (!(await lock(tx))) return null;
      const result = await change(tx, control);
      return { result, securityVersion: changed ? await this.accountEvents.bumpSecurityVersion(tx, userId) : null };
    });
    if (outcome === null) return BUSY;
    const { result, securityVersion } = outcome;
    await options.beforePublish?.(result);
    if (securityVersion !== null) {
      await this.accountEvents.publish({
        userId,
        kind,
        securityVersion,
        ...(endsAccess !== undefined ? { endsAccess } : {}),
      });
    }
    return result;
  }
}
