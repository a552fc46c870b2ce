import { Controller } from '@nestjs/common';
import {
  totpOperations,
  type RecoveryCodesResponse,
  type StartTotpEnrollmentResponse,
  type TotpStatusResponse,
} from '@mailgate/contracts';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import { ContractBody, type BodyOf } from '../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { actorOf } from '../audit/audit.types.js';
import { CurrentSession, RequireStepUp } from './auth.decorators.js';
import type { AuthenticatedSession } from './session.types.js';
import { TotpService } from './totp.service.js';

@Controller()
export class TotpController {
  constructor(private readonly totp: TotpService) {}

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
    @ContractBody() body: BodyOf<typeof totpOperations.confirmEnrollment>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<RecoveryCodesResponse> {
    const recoveryCodes = await this.totp.confirmEnrollment({ session, code: body.code, meta });
    return { recoveryCodes };
  }

  @RequireStepUp()
  @ContractRoute(totpOperations.regenerateRecoveryCodes)
  async regenerate(
    @CurrentSession() session: AuthenticatedSession,
    @ReqMeta() meta: RequestMeta,
  ): Promise<RecoveryCodesResponse> {
    return {
      recoveryCodes: await this.totp.regenerateRecoveryCodes({ actor: actorOf(session), userId: session.userId, meta }),
    };
  }

  @RequireStepUp()
  @ContractRoute(totpOperations.disable)
  async disable(@CurrentSession() session: AuthenticatedSession, @ReqMeta() meta: RequestMeta): Promise<void> {
    await this.totp.disable({ actor: actorOf(session), userId: session.userId, meta });
  }
}
