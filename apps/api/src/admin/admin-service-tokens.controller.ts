import { Controller } from '@nestjs/common';
import {
  adminServiceTokenOperations,
  type CreateServiceTokenResponse,
  type ListServiceTokensResponse,
} from '@mailgate/contracts';
import { CurrentSession, RequireStepUp, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import {
  ContractBody,
  ContractParams,
  type BodyOf,
  type ParamsOf,
} from '../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { ServiceTokensService } from '../service-tokens/service-tokens.service.js';
import { actorOf } from '../audit/audit.types.js';

/**
 * ADMIN only: the tokens mail servers use to ask for login decisions. Mail-auth's
 * ServiceTokensService does the work (the same one the CLI uses), so a revocation here reaches
 * every instance's token cache at once.
 */
@Controller()
@Roles('ADMIN')
export class AdminServiceTokensController {
  constructor(private readonly tokens: ServiceTokensService) {}

  @ContractRoute(adminServiceTokenOperations.listServiceTokens)
  async list(): Promise<ListServiceTokensResponse> {
    return { items: await this.tokens.list() };
  }

  @RequireStepUp()
  @ContractRoute(adminServiceTokenOperations.createServiceToken)
  async create(
    @CurrentSession() session: AuthenticatedSession,
    @ContractBody() body: BodyOf<typeof adminServiceTokenOperations.createServiceToken>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<CreateServiceTokenResponse> {
    const created = await this.tokens.create({ name: body.name, actor: actorOf(session), meta });
    return { id: created.id, name: body.name, token: created.token };
  }

  @ContractRoute(adminServiceTokenOperations.revokeServiceToken)
  async revoke(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminServiceTokenOperations.revokeServiceToken>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.tokens.revoke({ id: params.tokenId, actor: actorOf(session), meta });
  }
}
