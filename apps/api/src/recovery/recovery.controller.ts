import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { recoveryOperations, type ConfirmRecoveryAddressResponse, type RecoveryAddressView } from '@mailgate/contracts';
import { CurrentSession, Public, RequireStepUp } from '../auth/auth.decorators.js';
import { verifyCsrf } from '../auth/csrf.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import { ContractBody, type BodyOf } from '../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { AttemptLimiter } from '../infrastructure/rate-limit/attempt-limiter.js';
import { ForgotPasswordService } from './forgot-password.service.js';
import { RecoveryAddressService } from './recovery-address.service.js';
import { RecoveryLimits } from './recovery-limits.js';

@Controller()
export class RecoveryController {
  constructor(
    private readonly addresses: RecoveryAddressService,
    private readonly forgot: ForgotPasswordService,
    private readonly limiter: AttemptLimiter,
  ) {}

  @ContractRoute(recoveryOperations.getRecoveryAddress)
  async get(@CurrentSession() session: AuthenticatedSession): Promise<RecoveryAddressView> {
    return this.addresses.get(session.userId);
  }

  // Whoever controls the recovery address can reset the password: adding or changing it is a
  // hand-over and needs the same step-up as other sensitive actions.
  @RequireStepUp()
  @ContractRoute(recoveryOperations.setRecoveryAddress)
  async set(
    @CurrentSession() session: AuthenticatedSession,
    @ContractBody() body: BodyOf<typeof recoveryOperations.setRecoveryAddress>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<RecoveryAddressView> {
    // Every request mails an address the user typed: counted, success or not.
    await this.limiter.reserve(RecoveryLimits.confirmationMail(session.userId));
    return this.addresses.request(session, body.email, meta);
  }

  @RequireStepUp()
  @ContractRoute(recoveryOperations.removeRecoveryAddress)
  async remove(@CurrentSession() session: AuthenticatedSession, @ReqMeta() meta: RequestMeta): Promise<void> {
    await this.addresses.remove(session, meta);
  }

  @Public()
  @ContractRoute(recoveryOperations.confirmRecoveryAddress)
  async confirm(
    @Req() request: FastifyRequest,
    @ContractBody() body: BodyOf<typeof recoveryOperations.confirmRecoveryAddress>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ConfirmRecoveryAddressResponse> {
    verifyCsrf(request);
    const attempt = await this.limiter.reserve(RecoveryLimits.confirmToken(meta.ip));
    const confirmed = await this.addresses.confirm(body.token, meta);
    await attempt.succeeded();
    return confirmed;
  }

  @Public()
  @ContractRoute(recoveryOperations.requestPasswordReset)
  async requestPasswordReset(
    @Req() request: FastifyRequest,
    @ContractBody() body: BodyOf<typeof recoveryOperations.requestPasswordReset>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    verifyCsrf(request);
    // Counted for every request, known address or not, so the limit itself tells nothing.
    await this.limiter.reserve(RecoveryLimits.forgotPassword(body.email, meta.ip));
    this.forgot.start(body.email, meta);
  }
}
