import { Injectable } from '@nestjs/common';
import { generateSecret, generateURI } from 'otplib';
import { TotpErrors, type SecurityNoticeKind } from '@mailgate/contracts';
import { SecurityChangeService } from '../account-events/security-change.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../audit/audit.types.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';
import { AccountSessionsService } from './account-sessions.service.js';
import { RecoveryCodes } from './recovery-codes.js';
import type { AuthenticatedSession } from './session.types.js';
import { TotpCodes } from './totp-codes.js';

const ISSUER = 'Mailgate';

export interface TotpStatus {
  readonly enabled: boolean;
  readonly enabledAt: Date | null;
  readonly recoveryCodesRemaining: number;
}

/**
 * TOTP two-factor authentication: enrollment (a new seed, encrypted at rest, shown once), turning
 * it on with a first code, recovery codes, and turning it off. Each change is audited with a
 * notice and a securityVersion bump in one transaction, and published after commit.
 */
@Injectable()
export class TotpService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
    private readonly recoveryCodes: RecoveryCodes,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly securityChange: SecurityChangeService,
    private readonly sessions: AccountSessionsService,
  ) {}

  async status(userId: string): Promise<TotpStatus> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } });
    return {
      enabled: user.totpEnabledAt !== null,
      enabledAt: user.totpEnabledAt,
      recoveryCodesRemaining: user.totpEnabledAt ? await this.recoveryCodes.remaining(userId) : 0,
    };
  }

  /** A new pending seed (replacing an unconfirmed one); the URI and key are never shown again. */
  async startEnrollment(userId: string): Promise<{ otpauthUri: string; manualKey: string }> {
    const secret = generateSecret({ length: 20 });
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    const stored = await this.prisma.user.updateMany({
      where: { id: userId, totpEnabledAt: null },
      data: { totpSecretEncrypted: this.keyring.encrypt('totp-seed', secret), totpLastStep: null },
    });
    if (stored.count === 0) throw new AppError(TotpErrors.TOTP_ALREADY_ENABLED);
    return {
      otpauthUri: generateURI({ issuer: ISSUER, label: user.email, secret }),
      manualKey: secret.match(/.{1,4}/g)!.join(' '),
    };
  }

  /**
   * Turns 2FA on with a first code from the app; returns the recovery codes, once. Every other
   * session of the user ends: it was opened with the password alone, which no longer suffices.
   * (The current session's password step-up stops counting through totpEnabledAt.)
   */
  async confirmEnrollment(input: {
    session: Pick<AuthenticatedSession, 'userId' | 'role' | 'sessionId'>;
    code: string;
    meta: RequestMeta | null;
    now?: Date;
  }) {
    const actor: Actor = { userId: input.session.userId, role: input.session.role };
    const userId = input.session.userId;
    const now = input.now ?? new Date();
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { totpSecretEncrypted: true, totpEnabledAt: true },
    });
    if (user.totpEnabledAt) throw new AppError(TotpErrors.TOTP_ALREADY_ENABLED);
    if (!user.totpSecretEncrypted) throw new AppError(TotpErrors.TOTP_ENROLLMENT_NOT_STARTED);
    const step = await TotpCodes.matchStep(
      this.keyring.decrypt('totp-seed', user.totpSecretEncrypted),
      input.code,
      now,
    );
    if (step === null) throw new AppError(TotpErrors.TOTP_ENROLLMENT_CODE_INVALID);

    return this.securityChange.run(userId, 'totp', async (tx) => {
      // Conditional on the seed the code was checked against: a parallel restart of the
      // enrollment (new seed) or confirmation makes this one fail instead of mixing them.
      const enabled = await tx.user.updateMany({
        where: { id: userId, totpEnabledAt: null, totpSecretEncrypted: user.totpSecretEncrypted },
        data: { totpEnabledAt: now, totpLastStep: BigInt(step) },
      });
      if (enabled.count === 0) throw new AppError(TotpErrors.TOTP_ENROLLMENT_NOT_STARTED);
      const fresh = await this.recoveryCodes.replaceAll(tx, userId, now);
      const change = { actor, userId, meta: input.meta };
      await this.recordChange(tx, change, 'totp.enabled', 'TOTP_ENABLED', { enabled: false }, { enabled: true });
      await this.sessions.endOthers(tx, input.session, input.meta, now);
      return fresh;
    });
  }

  async regenerateRecoveryCodes(input: { actor: Actor; userId: string; meta: RequestMeta | null; now?: Date }) {
    const now = input.now ?? new Date();
    return this.securityChange.run(input.userId, 'totp', async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { totpEnabledAt: true } });
      if (!user.totpEnabledAt) throw new AppError(TotpErrors.TOTP_NOT_ENABLED);
      const remainingBefore = await tx.recoveryCode.count({ where: { userId: input.userId, usedAt: null } });
      const fresh = await this.recoveryCodes.replaceAll(tx, input.userId, now);
      await this.recordChange(
        tx,
        input,
        'totp.recovery_codes_regenerated',
        'RECOVERY_CODES_REGENERATED',
        { remaining: remainingBefore },
        { remaining: fresh.length },
      );
      return fresh;
    });
  }

  /** Turns 2FA off (by the user after a TOTP step-up, or by staff with a reason). */
  async disable(input: {
    actor: Actor;
    userId: string;
    reason?: string | null;
    meta: RequestMeta | null;
  }): Promise<void> {
    await this.securityChange.run(input.userId, 'totp', async (tx) => {
      const disabled = await tx.user.updateMany({
        where: { id: input.userId, totpEnabledAt: { not: null } },
        data: { totpEnabledAt: null, totpSecretEncrypted: null, totpLastStep: null },
      });
      if (disabled.count === 0) throw new AppError(TotpErrors.TOTP_NOT_ENABLED);
      await tx.recoveryCode.deleteMany({ where: { userId: input.userId } });
      await this.recordChange(tx, input, 'totp.disabled', 'TOTP_DISABLED', { enabled: true }, { enabled: false });
    });
  }

  private async recordChange(
    tx: Prisma.TransactionClient,
    input: { actor: Actor; userId: string; reason?: string | null; meta: RequestMeta | null },
    action: string,
    noticeKind: SecurityNoticeKind,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): Promise<void> {
    const byStaff = input.actor.userId !== input.userId;
    const reason = input.reason ?? null;
    await this.audit.record(tx, {
      actor: input.actor,
      targetUserId: input.userId,
      action,
      before,
      after,
      reason,
      meta: input.meta,
    });
    await this.notices.create(tx, { userId: input.userId, kind: noticeKind, byStaff, reason, actor: input.actor });
  }
}
