import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { passwordResetOperations, type PasswordResetRulesResponse } from '@mailgate/contracts';
import { Public } from '../../auth/auth.decorators.js';
import { verifyCsrf } from '../../auth/csrf.js';
import { ContractRoute } from '../../infrastructure/common/http/contract-route.decorator.js';
import { ContractBody, type BodyOf } from '../../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../../infrastructure/common/http/request-meta.js';
import { AttemptLimiter, type AttemptLimit } from '../../infrastructure/rate-limit/attempt-limiter.js';
import { PasswordResetService } from './password-reset.service.js';

/** Failed attempts per client IP per window: enough for typos, far too few to guess a 256-bit token. */
const redeemLimits = (ip: string): AttemptLimit[] => [
  { kind: 'password-reset:ip', key: `password-reset:ip:${ip}`, max: 10, windowMs: 15 * 60_000 },
];

@Controller()
export class PasswordResetController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly limiter: AttemptLimiter,
  ) {}

  @Public()
  @ContractRoute(passwordResetOperations.passwordResetRules)
  async passwordRules(
    @Req() request: FastifyRequest,
    @ContractBody() body: BodyOf<typeof passwordResetOperations.passwordResetRules>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<PasswordResetRulesResponse> {
    verifyCsrf(request);
    // The same budget as redeeming: a guesser gains nothing by asking here instead.
    const attempt = await this.limiter.reserve(redeemLimits(meta.ip));
    const rules = await this.resets.passwordRules(body.token);
    await attempt.succeeded();
    return rules;
  }

  @Public()
  @ContractRoute(passwordResetOperations.redeemPasswordReset)
  async redeem(
    @Req() request: FastifyRequest,
    @ContractBody() body: BodyOf<typeof passwordResetOperations.redeemPasswordReset>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    // Public routes skip SessionGuard, which is where CSRF is checked for everything else.
    verifyCsrf(request);
    // Counted before the link is looked up; a refusal keeps the count, a redeemed link gives it back.
    const attempt = await this.limiter.reserve(redeemLimits(meta.ip));
    await this.resets.redeem({
      token: body.token,
      newPassword: body.newPassword,
      totpCode: body.totpCode,
      recoveryCode: body.recoveryCode,
      meta,
    });
    await attempt.succeeded();
  }
}
