import { Body, Controller } from '@nestjs/common';
import {
  SessionErrors,
  totpOperations,
  ZConfirmTotpEnrollmentRequest,
  type RecoveryCodesResponse,
  type StartTotpEnrollmentResponse,
  type TotpStatusResponse,
} from '@mailgate/contracts';
import { AppError } from '../common/http/app-error.js';
import { ContractRoute } from '../common/http/contract-route.decorator.js';
import { ReqMeta, type RequestMeta } from '../common/http/request-meta.js';
import { validate } from '../common/validation/zod-validation.pipe.js';
import { PrismaService } from '../database/prisma.service.js';
import { actorOf } from './account-sessions.service.js';
import { CurrentSession, RequireStepUp } from './auth.decorators.js';
import type { AuthenticatedSession } from './session.types.js';
import { TotpService } from './totp.service.js';

@Controller()
export class TotpController {
  constructor(
    private readonly totp: TotpService,
    private readonly prisma: PrismaService,
  ) {}

  @ContractRoute(totpOperations.status)
  async status(@CurrentSession() session: AuthenticatedSession): Promise<TotpStatusResponse> {
    const status = await this.totp.status(session.userId);
    return { ...status, enabledAt: status.enabledAt?.toISOString() ?? null };
  }

  @RequireStepUp()
  @ContractRoute(totpOperations.startEnrollment)
  async start(@CurrentSession() session: AuthenticatedSession): Promise<StartTotpEnrollmentResponse> {
    return this.totp.startEnrollment(session.userId);
  }

  @ContractRoute(totpOperations.confirmEnrollment)
  async confirm(
    @CurrentSession() session: AuthenticatedSession,
    @Body(validate(ZConfirmTotpEnrollmentRequest)) body: { code: string },
    @ReqMeta() meta: RequestMeta,
  ): Promise<RecoveryCodesResponse> {
    const recoveryCodes = await this.totp.confirmEnrollment({
      actor: actorOf(session),
      userId: session.userId,
      code: body.code,
      meta,
    });
    return { recoveryCodes };
  }

  @RequireStepUp()
  @ContractRoute(totpOperations.regenerateRecoveryCodes)
  async regenerate(
    @CurrentSession() session: AuthenticatedSession,
    @ReqMeta() meta: RequestMeta,
  ): Promise<RecoveryCodesResponse> {
    await this.assertSteppedUpWithSecondFactor(session);
    return {
      recoveryCodes: await this.totp.regenerateRecoveryCodes({ actor: actorOf(session), userId: session.userId, meta }),
    };
  }

  @RequireStepUp()
  @ContractRoute(totpOperations.disable)
  async disable(@CurrentSession() session: AuthenticatedSession, @ReqMeta() meta: RequestMeta): Promise<void> {
    await this.assertSteppedUpWithSecondFactor(session);
    await this.totp.disable({ actor: actorOf(session), userId: session.userId, meta });
  }

  /**
   * While 2FA is on, a step-up needs a code, so any step-up after 2FA was turned on was made with
   * one. A step-up from before (made with the password while 2FA was still off) does not count.
   */
  private async assertSteppedUpWithSecondFactor(session: AuthenticatedSession): Promise<void> {
    const user = await this.prisma.user.findUniqueOrThrow({
      where: { id: session.userId },
      select: { totpEnabledAt: true },
    });
    if (user.totpEnabledAt && session.lastStepUpAt && session.lastStepUpAt < user.totpEnabledAt) {
      throw new AppError(SessionErrors.STEP_UP_REQUIRED);
    }
  }
}
