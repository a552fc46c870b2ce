import { Controller } from '@nestjs/common';
import {
  PASSKEY_LIMIT,
  passkeyOperations,
  type ListPasskeysResponse,
  type PasskeyOptions,
  type PasskeyRegistrationResponse,
  type PasskeyView,
} from '@mailgate/contracts';
import { ContractRoute } from '../../infrastructure/common/http/contract-route.decorator.js';
import { ReqMeta, type RequestMeta } from '../../infrastructure/common/http/request-meta.js';
import {
  ContractBody,
  ContractParams,
  type BodyOf,
  type ParamsOf,
} from '../../infrastructure/common/http/contract-input.decorator.js';
import { actorOf } from '../../audit/audit.types.js';
import { CurrentSession, RequireStepUp } from '../auth.decorators.js';
import type { AuthenticatedSession } from '../session.types.js';
import { PasskeyAssertions } from './passkey-assertions.js';
import { PasskeysService } from './passkeys.service.js';
import { RequestOrigin } from './request-origin.js';

@Controller()
export class PasskeysController {
  constructor(
    private readonly passkeys: PasskeysService,
    private readonly assertions: PasskeyAssertions,
  ) {}

  @ContractRoute(passkeyOperations.list)
  async list(@CurrentSession() session: AuthenticatedSession): Promise<ListPasskeysResponse> {
    return {
      passkeys: await this.passkeys.list(session.userId),
      limit: PASSKEY_LIMIT,
      totpEnabled: session.totpEnabled,
    };
  }

  @RequireStepUp()
  @ContractRoute(passkeyOperations.registrationOptions)
  async registrationOptions(@CurrentSession() session: AuthenticatedSession): Promise<PasskeyOptions> {
    return this.passkeys.registrationOptions(session);
  }

  @RequireStepUp()
  @ContractRoute(passkeyOperations.register)
  async register(
    @CurrentSession() session: AuthenticatedSession,
    @ContractBody() body: BodyOf<typeof passkeyOperations.register>,
    @RequestOrigin() origin: string | undefined,
    @ReqMeta() meta: RequestMeta,
  ): Promise<PasskeyView> {
    return this.passkeys.register({
      session,
      name: body.name,
      response: body.response as PasskeyRegistrationResponse,
      requestOrigin: origin,
      meta,
    });
  }

  @RequireStepUp()
  @ContractRoute(passkeyOperations.rename)
  async rename(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof passkeyOperations.rename>,
    @ContractBody() body: BodyOf<typeof passkeyOperations.rename>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<PasskeyView> {
    return this.passkeys.rename({
      actor: actorOf(session),
      userId: session.userId,
      passkeyId: params.id,
      name: body.name,
      meta,
    });
  }

  @RequireStepUp()
  @ContractRoute(passkeyOperations.remove)
  async remove(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof passkeyOperations.remove>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.passkeys.remove({ actor: actorOf(session), userId: session.userId, passkeyId: params.id, meta });
  }

  /** Options for a passkey step-up: the caller's own passkeys, the challenge bound to this session. */
  @ContractRoute(passkeyOperations.stepUpOptions)
  async stepUpOptions(@CurrentSession() session: AuthenticatedSession): Promise<PasskeyOptions> {
    return this.assertions.options(`session:${session.sessionId}`, session.userId);
  }
}
