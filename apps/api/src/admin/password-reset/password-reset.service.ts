import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AdminErrors } from '@mailgate/contracts';
import { AccountEventsService } from '../../account-events/account-events.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { hashPassword } from '../../auth/password-hasher.js';
import type { AuthenticatedSession } from '../../auth/session.types.js';
import { SecretKeyring } from '../../common/crypto/secret-keyring.js';
import { AppError } from '../../common/http/app-error.js';
import type { RequestMeta } from '../../common/http/request-meta.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { PrismaService } from '../../database/prisma.service.js';
import { SecurityNoticesService } from '../../notices/security-notices.service.js';
import { PasswordPolicyService } from '../../password-policy/password-policy.service.js';
import { actorOf, StaffTargetService } from '../staff-target.service.js';
import {
  RESET_ISSUER_FIELDS,
  RESET_TARGET_FIELDS,
  resetLinkVoidReason,
  type ResetLinkIssuerState,
  type ResetLinkState,
  type ResetLinkTargetState,
} from './reset-link-validity.js';

/** A link is valid this long, and only once. */
export const RESET_LINK_VALIDITY_MS = 60 * 60_000;
/** Where the SPA's redemption page lives; the token rides in the fragment, so it never reaches logs. */
export const RESET_PAGE_PATH = '/reset-password';

/**
 * One-time password-reset links that support hands to a user (staff never choose or see the
 * password). The token is 256 random bits, shown once to the staff member, stored only as a keyed
 * hash, valid for one hour; a new link voids the user's earlier unused ones. A link is bound to
 * the account's state at issue (securityVersion and role) and to its issuer's right to issue it,
 * both re-checked at redemption (see reset-link-validity.ts).
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
    private readonly targets: StaffTargetService,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly accountEvents: AccountEventsService,
    private readonly policy: PasswordPolicyService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'PUBLIC_URL'>,
  ) {}

  async createLink(input: {
    session: AuthenticatedSession;
    userId: string;
    reason: string;
    meta: RequestMeta;
    now?: Date;
  }): Promise<{ token: string; url: string; expiresAt: Date }> {
    const now = input.now ?? new Date();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + RESET_LINK_VALIDITY_MS);
    await this.prisma.$transaction(async (tx) => {
      const target = await this.targets.loadForUpdate(tx, input.session, input.userId);
      // An admin resetting their own password here would skip the current-password check.
      if (target.id === input.session.userId) throw new AppError(AdminErrors.SELF_ACTION_REFUSED);
      const { securityVersion } = await tx.user.findUniqueOrThrow({
        where: { id: target.id },
        select: { securityVersion: true },
      });
      const voided = await tx.passwordResetToken.updateMany({
        where: { userId: target.id, usedAt: null, expiresAt: { gt: now } },
        data: { expiresAt: now },
      });
      const created = await tx.passwordResetToken.create({
        data: {
          userId: target.id,
          tokenHash: this.keyring.hash('reset-token', token),
          issuedById: input.session.userId,
          reason: input.reason,
          targetSecurityVersion: securityVersion,
          targetRole: target.role,
          createdAt: now,
          expiresAt,
        },
      });
      await this.audit.record(tx, {
        actor: actorOf(input.session),
        targetUserId: target.id,
        action: 'password_reset.link_created',
        before: { unusedLinks: voided.count },
        after: { linkId: created.id, expiresAt, unusedLinks: 1 },
        reason: input.reason,
        meta: input.meta,
      });
      await this.notices.create(tx, {
        userId: target.id,
        kind: 'PASSWORD_RESET_LINK_CREATED',
        params: { expiresAt: expiresAt.toISOString() },
        byStaff: true,
        reason: input.reason,
      });
    });
    const base = this.config.PUBLIC_URL?.replace(/\/+$/, '') ?? '';
    return { token, url: `${base}${RESET_PAGE_PATH}#token=${token}`, expiresAt };
  }

  /**
   * Public: sets a new password with a link's token. Unknown, used, expired and voided tokens get
   * the same answer, checked before the password policy so that no answer tells them apart.
   */
  async redeem(input: { token: string; newPassword: string; meta: RequestMeta; now?: Date }): Promise<void> {
    const now = input.now ?? new Date();
    const link = await this.prisma.passwordResetToken.findFirst({
      where: { tokenHash: { in: this.keyring.candidateHashes('reset-token', input.token) } },
      include: {
        user: { select: { id: true, email: true, displayName: true, ...RESET_TARGET_FIELDS } },
        issuedBy: { select: RESET_ISSUER_FIELDS },
      },
    });
    if (!link) throw new AppError(AdminErrors.RESET_LINK_INVALID, { internalDetail: 'unknown token' });
    assertRedeemable(link, link.user, link.issuedBy, now);

    // The same rules, and the same refusal, as the user's own password change.
    const policy = await this.policy.assertAcceptable(input.newPassword, {
      email: link.user.email,
      displayName: link.user.displayName,
    });
    // Hashing (tens of ms) happens before the transaction so no row stays locked meanwhile.
    const passwordHash = await hashPassword(input.newPassword);

    const securityVersion = await this.prisma.$transaction(async (tx) => {
      // Again under the account's row lock (and the issuer's, shared): a promotion, a 2FA change or
      // the issuer's demotion that committed while the password was being hashed must win.
      await tx.$executeRaw`SELECT 1 FROM "users" WHERE "id" = ${link.userId}::uuid FOR UPDATE`;
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
      return this.accountEvents.bumpSecurityVersion(tx, link.userId);
    });
    await this.accountEvents.publish({ userId: link.userId, kind: 'password', securityVersion });
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
