import { Body, Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  CommonErrors,
  passwordResetOperations,
  ZRedeemPasswordResetRequest,
  type RedeemPasswordResetRequest,
} from '@mailgate/contracts';
import { Public } from '../../auth/auth.decorators.js';
import { verifyCsrf } from '../../auth/csrf.js';
import { AppError } from '../../common/http/app-error.js';
import { ContractRoute } from '../../common/http/contract-route.decorator.js';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta.js';
import { validate } from '../../common/validation/zod-validation.pipe.js';
import { CounterStore } from '../../rate-limit/counter-store.js';
import { PasswordResetService } from './password-reset.service.js';

/** Attempts per client IP per window: enough for typos, far too few to guess a 256-bit token. */
const REDEEM_LIMIT = 10;
const REDEEM_WINDOW_MS = 15 * 60_000;

@Controller()
export class PasswordResetController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly counters: CounterStore,
  ) {}

  @Public()
  @ContractRoute(passwordResetOperations.redeemPasswordReset)
  async redeem(
    @Req() request: FastifyRequest,
    @Body(validate(ZRedeemPasswordResetRequest)) body: RedeemPasswordResetRequest,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    // Public routes skip SessionGuard, which is where CSRF is checked for everything else.
    verifyCsrf(request);
    const attempts = await this.counters.increment(`password-reset:ip:${meta.ip}`, REDEEM_WINDOW_MS);
    if (attempts > REDEEM_LIMIT) {
      throw new AppError(CommonErrors.RATE_LIMITED, {
        headers: { 'retry-after': String(Math.ceil(REDEEM_WINDOW_MS / 1000)) },
      });
    }
    await this.resets.redeem({ token: body.token, newPassword: body.newPassword, meta });
  }
}
