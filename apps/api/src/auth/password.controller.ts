import { Controller } from '@nestjs/common';
import { passwordOperations, type ChangePasswordResponse, type PasswordPolicyResponse } from '@mailgate/contracts';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import { ContractBody, type BodyOf } from '../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PasswordPolicyService, passwordRulesOf } from '../password-policy/password-policy.service.js';
import { actorOf } from '../audit/audit.types.js';
import { CurrentSession } from './auth.decorators.js';
import { PasswordChangeService } from './password-change.service.js';
import type { AuthenticatedSession } from './session.types.js';

@Controller()
export class PasswordController {
  constructor(
    private readonly policies: PasswordPolicyService,
    private readonly passwords: PasswordChangeService,
  ) {}

  @ContractRoute(passwordOperations.policy)
  async policy(): Promise<PasswordPolicyResponse> {
    const policy = await this.policies.current();
    return { version: policy.version, ...passwordRulesOf(policy) };
  }

  @ContractRoute(passwordOperations.change)
  async change(
    @CurrentSession() session: AuthenticatedSession,
    @ContractBody() body: BodyOf<typeof passwordOperations.change>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ChangePasswordResponse> {
    return this.passwords.change({
      actor: actorOf(session),
      userId: session.userId,
      currentSessionId: session.sessionId,
      ...body,
      meta,
    });
  }
}
