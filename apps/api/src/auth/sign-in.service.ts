import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { SessionErrors, AuthErrors, type Me, type SecondFactorMethod } from '@mailgate/contracts';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { AttemptLimiter } from '../infrastructure/rate-limit/attempt-limiter.js';
import { CounterStore } from '../infrastructure/rate-limit/counter-store.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import { SecurityNoticesService } from '../notices/security-notices.service.js';
import { AuthLimits } from './auth-limits.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { ME_SELECT, toMe, type MeSource } from './me.view.js';
import { hasStrongFactor } from './step-up-window.js';
import { PasswordHasher } from './password-hasher.js';
import { createPendingToken, PENDING_SIGN_IN_MS, readPendingToken } from './pending-sign-in.js';
import { RecoveryCodes } from './recovery-codes.js';
import { SessionService, type IssuedSession } from './session.service.js';
import { TotpCodes } from './totp-codes.js';

export type PasswordStepResult =
  | { readonly status: 'signed-in'; readonly session: IssuedSession; readonly me: Me }
  | {
      readonly status: 'second-factor-required';
      readonly pendingToken: string;
      readonly methods: readonly SecondFactorMethod[];
    };

export interface SecondFactorResult {
  readonly session: IssuedSession;
  readonly me: Me;
  readonly recoveryCodesRemaining?: number;
}

/**
 * Web sign-in: password, then (when 2FA is on) a TOTP or recovery code. Every path through the
 * password step costs one argon2 verification, also for unknown e-mail addresses (against a dummy
 * hash), so neither the answer nor its timing tells whether an address has an account.
 */
@Injectable()
export class SignInService implements OnModuleInit {
  private readonly logger = new Logger('SignIn');
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
    private readonly sessions: SessionService,
    private readonly limiter: AttemptLimiter,
    private readonly counters: CounterStore,
    private readonly hasher: PasswordHasher,
    private readonly totpCodes: TotpCodes,
    private readonly recoveryCodes: RecoveryCodes,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly settings: GlobalSettingsService,
  ) {}

  onModuleInit(): void {
    // Made with the current parameters, so verifying against it costs what a real check costs.
    this.dummyHash = this.hasher.hash(randomBytes(24).toString('base64url'));
  }

  async withPassword(
    email: string,
    password: string,
    meta: RequestMeta,
    now = new Date(),
  ): Promise<PasswordStepResult> {
    // Counted before the slow verify, so parallel guesses cannot all get through (see AttemptLimiter).
    const attempt = await this.limiter.reserve(AuthLimits.signIn(email, meta.ip), now.getTime());
    const user = await this.prisma.user.findUnique({
      where: { email },
      select: { ...ME_SELECT, passwordHash: true, disabledAt: true, securityVersion: true },
    });
    const dummy = await (this.dummyHash ??= this.hasher.hash(randomBytes(24).toString('base64url')));
    const passwordOk = await this.hasher.verify(user?.passwordHash ?? dummy, password);
    // A failure keeps its reserved attempt: that is what counts it.
    if (!user || !passwordOk) throw new AppError(AuthErrors.INVALID_CREDENTIALS);
    // Only someone who knows the password learns that the account is disabled.
    if (user.disabledAt) {
      await attempt.notCounted();
      throw new AppError(SessionErrors.ACCOUNT_DISABLED);
    }
    await attempt.succeeded();
    if (this.hasher.needsRehash(user.passwordHash)) await this.rehash(user.id, user.passwordHash, password);

    if (hasStrongFactor(user)) {
      const { token } = createPendingToken(this.keyring, user.id, user.securityVersion, now.getTime());
      const methods: SecondFactorMethod[] = [];
      if (user.totpEnabledAt) methods.push('totp');
      if (user.passkeysEnabledAt) methods.push('passkey');
      return { status: 'second-factor-required', pendingToken: token, methods };
    }
    const session = await this.sessions.issue(user.id, meta, { now });
    return { status: 'signed-in', session, me: await this.meAfterSignIn(user, now, false) };
  }

  async withSecondFactor(
    pendingToken: string | undefined,
    factor: { code: string } | { recoveryCode: string },
    meta: RequestMeta,
    now = new Date(),
  ): Promise<SecondFactorResult> {
    const pending = pendingToken ? readPendingToken(this.keyring, pendingToken, now.getTime()) : null;
    if (!pending) throw new AppError(AuthErrors.SIGN_IN_PENDING_EXPIRED);
    // Counted before the code is checked, against the account's and IP's budgets and this pending
    // sign-in's few tries, so parallel guesses cannot exceed any of them.
    const attempt = await this.limiter.reserve(
      AuthLimits.secondFactor(pending.userId, meta.ip, pending.nonce),
      now.getTime(),
    );
    const user = await this.prisma.user.findUnique({
      where: { id: pending.userId },
      select: { ...ME_SELECT, disabledAt: true, securityVersion: true },
    });
    // A password or 2FA change (or disabling) since the password step voids the pending sign-in.
    if (!user || user.disabledAt || !user.totpEnabledAt || user.securityVersion !== pending.securityVersion) {
      await attempt.notCounted();
      throw new AppError(AuthErrors.SIGN_IN_PENDING_EXPIRED);
    }

    const usingRecoveryCode = 'recoveryCode' in factor;
    const accepted = usingRecoveryCode
      ? await this.recoveryCodes.consume(user.id, factor.recoveryCode, now)
      : await this.totpCodes.consume(user.id, factor.code, now);
    if (!accepted) {
      throw new AppError(usingRecoveryCode ? AuthErrors.RECOVERY_CODE_INVALID : AuthErrors.TOTP_CODE_INVALID);
    }
    await attempt.succeeded();
    // Spent: the same pending cookie cannot open a second session.
    if ((await this.counters.increment(`auth:pending-used:${pending.nonce}`, PENDING_SIGN_IN_MS, now.getTime())) > 1) {
      throw new AppError(AuthErrors.SIGN_IN_PENDING_EXPIRED);
    }

    let recoveryCodesRemaining: number | undefined;
    if (usingRecoveryCode) {
      recoveryCodesRemaining = await this.recoveryCodes.remaining(user.id);
      await this.recordRecoveryCodeUse(user, recoveryCodesRemaining, meta);
    }
    const session = await this.sessions.issue(user.id, meta, { now });
    return {
      session,
      me: await this.meAfterSignIn(user, now, false),
      ...(recoveryCodesRemaining === undefined ? {} : { recoveryCodesRemaining }),
    };
  }

  /** The signed-in user as the SPA sees it right after a sign-in (which is itself a step-up). */
  async meAfterSignIn(user: MeSource, now: Date, withPasskey: boolean): Promise<Me> {
    const { staffPasskeyRequired } = await this.settings.get();
    return toMe(user, { lastStepUpAt: now, passkeyVerifiedAt: withPasskey ? now : null, staffPasskeyRequired }, now);
  }

  /** Parameters changed since this hash was made: store a new one, unless the password changed meanwhile. */
  private async rehash(userId: string, oldHash: string, password: string): Promise<void> {
    try {
      const passwordHash = await this.hasher.hash(password);
      await this.prisma.user.updateMany({ where: { id: userId, passwordHash: oldHash }, data: { passwordHash } });
    } catch (error) {
      // The sign-in itself succeeded; a failed upgrade is retried at the next one.
      this.logger.warn({ err: (error as Error).message, userId }, 'password re-hash failed');
    }
  }

  /** Using a recovery code is worth telling the user about: it may not have been them. */
  private async recordRecoveryCodeUse(user: Pick<Me, 'id' | 'role'>, remaining: number, meta: RequestMeta) {
    const userId = user.id;
    await this.prisma.$transaction(async (tx) => {
      await this.audit.record(tx, {
        actor: { userId, role: user.role },
        targetUserId: userId,
        action: 'totp.recovery_code_used',
        after: { remaining },
        meta,
      });
      await this.notices.create(tx, { userId, kind: 'RECOVERY_CODE_USED', params: { remaining } });
    });
  }
}
