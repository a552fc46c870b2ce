import { Controller } from '@nestjs/common';
import { actorOf } from '../audit/audit.types.js';
import {
  adminActionOperations,
  AdminErrors,
  AuthLocksErrors,
  CommonErrors,
  type AdminUserSummary,
  type CreatePasswordResetLinkResponse,
  type RevealPasswordResetLinkResponse,
  type RevokedCountResponse,
} from '@mailgate/contracts';
import { AppPasswordsService } from '../app-passwords/app-passwords.service.js';
import { AuthLocksService } from '../auth-locks/auth-locks.service.js';
import { CurrentSession, RequireStepUp, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { TotpService } from '../auth/totp.service.js';
import { PasskeysService } from '../auth/passkeys/passkeys.service.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import {
  ContractBody,
  ContractParams,
  type BodyOf,
  type ParamsOf,
} from '../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { ProtocolAccessService, type ProtocolAccessView } from '../protocol-access/protocol-access.service.js';
import { AdminAccountActionsService } from './admin-account-actions.service.js';
import { toUserSummary } from './admin-views.js';
import { PasswordResetService } from './password-reset/password-reset.service.js';
import { StaffTargetService } from './staff-target.service.js';

/**
 * Staff actions on one account. Each needs a reason, checks server-side that the caller may act
 * on this account (SUPPORT: USER accounts only), and is carried out by the service that owns the
 * data, which audits it, notifies the user and bumps securityVersion in one transaction.
 */
@Controller()
@Roles('SUPPORT', 'ADMIN')
export class AdminUserActionsController {
  constructor(
    private readonly targets: StaffTargetService,
    private readonly accounts: AdminAccountActionsService,
    private readonly protocolAccess: ProtocolAccessService,
    private readonly appPasswords: AppPasswordsService,
    private readonly authLocks: AuthLocksService,
    private readonly totp: TotpService,
    private readonly passkeys: PasskeysService,
    private readonly resets: PasswordResetService,
  ) {}

  @ContractRoute(adminActionOperations.setUserProtocolAccess)
  async setProtocolAccess(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.setUserProtocolAccess>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.setUserProtocolAccess>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ProtocolAccessView> {
    const enabledUntil = body.enabledUntil ? new Date(body.enabledUntil) : null;
    if (enabledUntil && (!body.enabled || enabledUntil.getTime() <= Date.now())) {
      throw invalid('enabledUntil', 'Give a time in the future, and only when turning access on.');
    }
    const target = await this.targets.load(session, params.userId);
    return this.protocolAccess.setAccess({
      actor: actorOf(session),
      userId: target.id,
      protocol: params.protocol,
      enabled: body.enabled,
      enabledUntil,
      ...(body.pop3KeepCopy !== undefined ? { pop3KeepCopy: body.pop3KeepCopy } : {}),
      reason: body.reason,
      meta,
    });
  }

  @ContractRoute(adminActionOperations.revokeUserAppPassword)
  async revokeAppPassword(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.revokeUserAppPassword>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.revokeUserAppPassword>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    const target = await this.targets.load(session, params.userId);
    // Only an active one of this user: revoking twice must not look like a second change.
    const active = (await this.appPasswords.list(target.id)).some(
      (entry) => entry.id === params.itemId && entry.revokedAt === null,
    );
    if (!active) throw new AppError(AdminErrors.ITEM_NOT_FOUND);
    await this.appPasswords.revoke({
      actor: actorOf(session),
      userId: target.id,
      appPasswordId: params.itemId,
      reason: body.reason,
      meta,
    });
  }

  @ContractRoute(adminActionOperations.revokeAllUserAppPasswords)
  async revokeAllAppPasswords(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.revokeAllUserAppPasswords>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.revokeAllUserAppPasswords>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<RevokedCountResponse> {
    const target = await this.targets.load(session, params.userId);
    const revoked = await this.appPasswords.revokeAll({
      actor: actorOf(session),
      userId: target.id,
      reason: body.reason,
      meta,
    });
    return { revoked };
  }

  @ContractRoute(adminActionOperations.revokeUserSession)
  async revokeSession(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.revokeUserSession>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.revokeUserSession>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.accounts.revokeSession({
      session,
      userId: params.userId,
      sessionId: params.itemId,
      reason: body.reason,
      meta,
    });
  }

  @ContractRoute(adminActionOperations.revokeAllUserSessions)
  async revokeAllSessions(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.revokeAllUserSessions>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.revokeAllUserSessions>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<RevokedCountResponse> {
    return {
      revoked: await this.accounts.revokeAllSessions({ session, userId: params.userId, reason: body.reason, meta }),
    };
  }

  @ContractRoute(adminActionOperations.liftUserLock)
  async liftLock(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.liftUserLock>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.liftUserLock>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    const target = await this.targets.load(session, params.userId);
    // The lock must be one shown for this user: a SUPPORT member may not lift arbitrary locks by id.
    const affectsUser = (await this.authLocks.listActive(target.id)).some((lock) => lock.id === params.itemId);
    if (!affectsUser) throw new AppError(AuthLocksErrors.AUTH_LOCK_NOT_FOUND);
    await this.authLocks.lift({ actor: actorOf(session), lockId: params.itemId, reason: body.reason, meta });
  }

  // Hands an account over (or takes it from its owner): as fresh a step-up as the user's own.
  @RequireStepUp()
  @ContractRoute(adminActionOperations.disableUser)
  async disable(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.disableUser>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.disableUser>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AdminUserSummary> {
    return toUserSummary(await this.accounts.disable({ session, userId: params.userId, reason: body.reason, meta }));
  }

  @ContractRoute(adminActionOperations.enableUser)
  async enable(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.enableUser>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.enableUser>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AdminUserSummary> {
    return toUserSummary(await this.accounts.enable({ session, userId: params.userId, reason: body.reason, meta }));
  }

  @ContractRoute(adminActionOperations.removeUserPasskey)
  async removePasskey(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.removeUserPasskey>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.removeUserPasskey>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    const target = await this.targets.load(session, params.userId);
    if (!(await this.passkeys.list(target.id)).some((entry) => entry.id === params.itemId)) {
      throw new AppError(AdminErrors.ITEM_NOT_FOUND);
    }
    const actor = actorOf(session);
    await this.passkeys.remove({ actor, userId: target.id, passkeyId: params.itemId, reason: body.reason, meta });
  }

  // Hands an account over (or takes it from its owner): as fresh a step-up as the user's own.
  @RequireStepUp()
  @ContractRoute(adminActionOperations.removeUserTwoFactor)
  async removeTwoFactor(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.removeUserTwoFactor>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.removeUserTwoFactor>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    const target = await this.targets.load(session, params.userId);
    // Staff must keep their 2FA; removing one's own would also lock oneself out of the panel.
    if (target.id === session.userId) throw new AppError(AdminErrors.SELF_ACTION_REFUSED);
    if (!target.totpEnabledAt) throw new AppError(AdminErrors.NO_CHANGE);
    await this.totp.disable({ actor: actorOf(session), userId: target.id, reason: body.reason, meta });
  }

  // Hands an account over (or takes it from its owner): as fresh a step-up as the user's own.
  @RequireStepUp()
  @ContractRoute(adminActionOperations.createPasswordResetLink)
  async createPasswordResetLink(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.createPasswordResetLink>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.createPasswordResetLink>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<CreatePasswordResetLinkResponse> {
    const sent = await this.resets.sendLink({ session, userId: params.userId, reason: body.reason, meta });
    return { sentTo: sent.sentTo, expiresAt: sent.expiresAt.toISOString() };
  }

  // The only way staff see a usable link: an admin, for a user without a recovery address.
  @Roles('ADMIN')
  @RequireStepUp()
  @ContractRoute(adminActionOperations.revealPasswordResetLink)
  async revealPasswordResetLink(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.revealPasswordResetLink>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.revealPasswordResetLink>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<RevealPasswordResetLinkResponse> {
    const link = await this.resets.revealLink({ session, userId: params.userId, reason: body.reason, meta });
    return { token: link.token, url: link.url, expiresAt: link.expiresAt.toISOString() };
  }

  @Roles('ADMIN')
  @RequireStepUp()
  @ContractRoute(adminActionOperations.changeUserRole)
  async changeRole(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminActionOperations.changeUserRole>,
    @ContractBody() body: BodyOf<typeof adminActionOperations.changeUserRole>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<AdminUserSummary> {
    return toUserSummary(
      await this.accounts.changeRole({ session, userId: params.userId, role: body.role, reason: body.reason, meta }),
    );
  }
}

function invalid(path: string, message: string): AppError {
  return new AppError(CommonErrors.VALIDATION_FAILED, { issues: [{ path, message, code: 'custom' }] });
}
