import { Injectable } from '@nestjs/common';
import { actorOf } from '../../audit/audit.types.js';
import { AdminErrors, AuthErrors, RecoveryErrors, type PasswordResetRulesResponse } from '@mailgate/contracts';
import { SecurityChangeService } from '../../account-events/security-change.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { hashPassword } from '../../auth/password-hasher.js';
import type { AuthenticatedSession } from '../../auth/session.types.js';
import { SecretKeyring } from '../../infrastructure/common/crypto/secret-keyring.js';
import { AppError } from '../../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../../infrastructure/database/prisma.service.js';
import { SecurityNoticesService } from '../../notices/security-notices.service.js';
import { PasswordPolicyService, passwordRulesOf } from '../../password-policy/password-policy.service.js';
import { RecoveryCodes } from '../../auth/recovery-codes.js';
import { TotpCodes } from '../../auth/totp-codes.js';
import { maskAddress } from '../../mail/mail-render.js';
import { AttemptLimiter, type AttemptLimit } from '../../infrastructure/rate-limit/attempt-limiter.js';
import { ResetLinkIssuer } from '../../recovery/reset-link-issuer.js';
import { StaffTargetService } from '../staff-target.service.js';

export interface StaffLinkInput {
  readonly session: AuthenticatedSession;
  readonly userId: string;
  readonly reason: string;
  readonly meta: RequestMeta;
  readonly now?: Date;
}
import {
  RESET_ISSUER_FIELDS,
  RESET_TARGET_FIELDS,
  resetLinkVoidReason,
  type ResetLinkIssuerState,
  type ResetLinkState,
  type ResetLinkTargetState,
} from './reset-link-validity.js';

const SECOND_FACTOR_LIMIT = (userId: string): AttemptLimit[] => [
  {
    kind: 'password-reset:second-factor',
    key: `password-reset:second-factor:user:${userId}`,
    max: 10,
    windowMs: 15 * 60_000,
  },
];

/**
 * Password-reset links from staff, and the redemption of every link (staff or "forgot password").
 * Staff never see a link for a user with a confirmed recovery address: it is mailed there and
 * the panel learns only the masked address. Without one, only an admin may reveal a link, as its
 * own audited action. A link is bound to the account's state at issue (securityVersion and role)
 * and, when staff issued it, to its issuer's right to issue it, both re-checked at redemption
 * (see reset-link-validity.ts). With 2FA on, redemption also takes a TOTP or recovery code.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
    private readonly targets: StaffTargetService,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly securityChange: SecurityChangeService,
    private readonly policy: PasswordPolicyService,
    private readonly issuer: ResetLinkIssuer,
    private readonly limiter: AttemptLimiter,
    private readonly totpCodes: TotpCodes,
    private readonly recoveryCodes: RecoveryCodes,
  ) {}

  /** Sends a link to the user's confirmed recovery address; the caller learns only where (masked). */
  async sendLink(input: StaffLinkInput): Promise<{ sentTo: string; expiresAt: Date }> {
    const issued = await this.issueForStaff(input, 'send');
    return { sentTo: maskAddress(issued.sentTo!), expiresAt: issued.expiresAt };
  }

  /** ADMIN only (the controller): a link shown once, for a user who has no recovery address. */
  async revealLink(input: StaffLinkInput): Promise<{ token: string; url: string; expiresAt: Date }> {
    const issued = await this.issueForStaff(input, 'reveal');
    return { token: issued.token, url: issued.url, expiresAt: issued.expiresAt };
  }

  private async issueForStaff(input: StaffLinkInput, mode: 'send' | 'reveal') {
    const now = input.now ?? new Date();
    return this.prisma.$transaction(async (tx) => {
      const target = await this.targets.loadForUpdate(tx, input.session, input.userId);
      // An admin resetting their own password here would skip the current-password check.
      if (target.id === input.session.userId) throw new AppError(AdminErrors.SELF_ACTION_REFUSED);
      const account = await tx.user.findUniqueOrThrow({
        where: { id: target.id },
        select: { email: true, locale: true, securityVersion: true, recoveryAddress: { select: { email: true } } },
      });
      const recovery = account.recoveryAddress?.email ?? null;
      // Where a recovery address exists, nobody on staff gets a usable link: it goes there.
      if (mode === 'send' && !recovery) throw new AppError(RecoveryErrors.NO_RECOVERY_ADDRESS);
      if (mode === 'reveal' && recovery) throw new AppError(RecoveryErrors.RECOVERY_ADDRESS_EXISTS);
      const issued = await this.issuer.issue(tx, {
        target: {
          id: target.id,
          email: account.email,
          locale: account.locale,
          role: target.role,
          securityVersion: account.securityVersion,
        },
        origin: 'STAFF',
        issuedById: input.session.userId,
        reason: input.reason,
        sendTo: mode === 'send' ? recovery : null,
        now,
      });
      await this.audit.record(tx, {
        actor: actorOf(input.session),
        targetUserId: target.id,
        action: mode === 'send' ? 'password_reset.link_sent' : 'password_reset.link_revealed',
        before: { unusedLinks: issued.voided },
        after: {
          linkId: issued.linkId,
          expiresAt: issued.expiresAt,
          unusedLinks: 1,
          ...(recovery ? { sentTo: maskAddress(recovery) } : {}),
        },
        reason: input.reason,
        meta: input.meta,
      });
      await this.notices.create(tx, {
        userId: target.id,
        kind: 'PASSWORD_RESET_LINK_CREATED',
        params: { expiresAt: issued.expiresAt.toISOString() },
        byStaff: true,
        reason: input.reason,
      });
      return { ...issued, sentTo: mode === 'send' ? recovery : null };
    });
  }

  /**
   * Public: sets a new password with a link's token. Unknown, used, expired and voided tokens get
   * the same answer, checked before the password policy so that no answer tells them apart.
   */
  async redeem(input: {
    token: string;
    newPassword: string;
    totpCode?: string | undefined;
    recoveryCode?: string | undefined;
    meta: RequestMeta;
    now?: Date;
  }): Promise<void> {
    const now = input.now ?? new Date();
    const link = await this.redeemableLink(input.token, now);
    // A link the user asked for reaches whoever reads the recovery mailbox; with 2FA on, that alone
    // must not be enough to take the account. Staff links follow the provider's identity check
    // (which may be about a lost phone too: support can remove 2FA as its own audited action).
    const needsSecondFactor = link.origin === 'SELF' && link.user.totpEnabledAt !== null;
    if (needsSecondFactor && !input.totpCode && !input.recoveryCode) {
      throw new AppError(RecoveryErrors.SECOND_FACTOR_REQUIRED);
    }

    // The same rules, and the same refusal, as the user's own password change.
    const policy = await this.policy.assertAcceptable(input.newPassword, {
      email: link.user.email,
      displayName: link.user.displayName,
    });
    // After the policy check, so a rejected password does not spend a one-time code.
    if (needsSecondFactor) await this.checkSecondFactor(link.userId, input, now);
    // Hashing (tens of ms) happens before the transaction so no row stays locked meanwhile.
    const passwordHash = await hashPassword(input.newPassword);

    // Again under the account's row lock (and the issuer's, shared): a promotion, a 2FA change or
    // the issuer's demotion that committed while the password was being hashed must win.
    await this.securityChange.run(link.userId, 'password', async (tx) => {
      const target = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: RESET_TARGET_FIELDS });
      let issuer: ResetLinkIssuerState | null = null;
      if (link.issuedById) {
        await tx.$executeRaw`SELECT 1 FROM "users" WHERE "id" = ${link.issuedById}::uuid FOR SHARE`;
        issuer = await tx.user.findUnique({ where: { id: link.issuedById }, select: RESET_ISSUER_FIELDS });
      }
      assertRedeemable(link, target, issuer, now);
      // Claim the link: of two concurrent redemptions exactly one gets count 1.
      const claimed = await tx.passwordResetToken.updateMany({
        where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (claimed.count !== 1) throw new AppError(AdminErrors.RESET_LINK_INVALID);
      await tx.user.update({ where: { id: link.userId }, data: { passwordHash, passwordChangedAt: now } });
      const sessions = await tx.session.updateMany({
        where: { userId: link.userId, revokedAt: null },
        data: { revokedAt: now },
      });
      await this.audit.record(tx, {
        actor: { userId: link.userId, role: target.role },
        targetUserId: link.userId,
        action: 'password.reset',
        before: { linkId: link.id, issuedById: link.issuedById },
        after: { passwordChangedAt: now, sessionsEnded: sessions.count, policyVersion: policy.version },
        reason: link.reason,
        meta: input.meta,
      });
      await this.notices.create(tx, { userId: link.userId, kind: 'PASSWORD_RESET', byStaff: false });
    });
  }

  /**
   * Public: what the reset page's meter needs to judge a new password as `redeem` will (the same
   * policy and the same account words). Only a link that could still be redeemed answers.
   */
  async passwordRules(token: string, now = new Date()): Promise<PasswordResetRulesResponse> {
    const link = await this.redeemableLink(token, now);
    return {
      ...passwordRulesOf(await this.policy.current()),
      account: { email: link.user.email, displayName: link.user.displayName },
    };
  }

  /** The link of a token, or RESET_LINK_INVALID for every kind of link that no longer works. */
  private async redeemableLink(token: string, now: Date) {
    const link = await this.prisma.passwordResetToken.findFirst({
      where: { tokenHash: { in: this.keyring.candidateHashes('reset-token', token) } },
      include: {
        user: { select: { id: true, email: true, displayName: true, totpEnabledAt: true, ...RESET_TARGET_FIELDS } },
        issuedBy: { select: RESET_ISSUER_FIELDS },
      },
    });
    if (!link) throw new AppError(AdminErrors.RESET_LINK_INVALID, { internalDetail: 'unknown token' });
    assertRedeemable(link, link.user, link.issuedBy, now);
    return link;
  }

  /** TOTP or recovery code, each usable once, counted per account before the check. */
  private async checkSecondFactor(
    userId: string,
    factor: { totpCode?: string | undefined; recoveryCode?: string | undefined },
    now: Date,
  ): Promise<void> {
    const attempt = await this.limiter.reserve(SECOND_FACTOR_LIMIT(userId), now.getTime());
    const accepted = factor.totpCode
      ? await this.totpCodes.consume(userId, factor.totpCode, now)
      : await this.recoveryCodes.consume(userId, factor.recoveryCode ?? '', now);
    if (!accepted) {
      throw new AppError(factor.totpCode ? AuthErrors.TOTP_CODE_INVALID : AuthErrors.RECOVERY_CODE_INVALID);
    }
    await attempt.succeeded();
  }
}

function assertRedeemable(
  link: ResetLinkState,
  target: ResetLinkTargetState,
  issuer: ResetLinkIssuerState | null,
  now: Date,
): void {
  const voidReason = resetLinkVoidReason(link, target, issuer, now);
  if (voidReason) throw new AppError(AdminErrors.RESET_LINK_INVALID, { internalDetail: voidReason });
}
