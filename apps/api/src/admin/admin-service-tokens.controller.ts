import { Body, Controller, Param } from '@nestjs/common';
import {
  AdminErrors,
  adminServiceTokenOperations,
  ZCreateServiceTokenRequest,
  ZServiceTokenParams,
  type CreateServiceTokenRequest,
  type CreateServiceTokenResponse,
  type ListServiceTokensResponse,
} from '@mailgate/contracts';
import { CurrentSession, RequireStepUp, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { AppError } from '../common/http/app-error.js';
import { ContractRoute } from '../common/http/contract-route.decorator.js';
import { ReqMeta, type RequestMeta } from '../common/http/request-meta.js';
import { validate } from '../common/validation/zod-validation.pipe.js';
import { ServiceTokensService } from '../service-tokens/service-tokens.service.js';
import { iso } from './admin-views.js';
import { actorOf } from './staff-target.service.js';

/** ADMIN only: the tokens mail servers use to ask for login decisions. */
@Controller()
@Roles('ADMIN')
export class AdminServiceTokensController {
  constructor(private readonly tokens: ServiceTokensService) {}

  @ContractRoute(adminServiceTokenOperations.listServiceTokens)
  async list(): Promise<ListServiceTokensResponse> {
    const tokens = await this.tokens.list();
    return {
      items: tokens.map((token) => ({
        id: token.id,
        name: token.name,
        createdAt: iso(token.createdAt),
        lastUsedAt: iso(token.lastUsedAt),
        revokedAt: iso(token.revokedAt),
      })),
    };
  }

  @RequireStepUp()
  @ContractRoute(adminServiceTokenOperations.createServiceToken)
  async create(
    @CurrentSession() session: AuthenticatedSession,
    @Body(validate(ZCreateServiceTokenRequest)) body: CreateServiceTokenRequest,
    @ReqMeta() meta: RequestMeta,
  ): Promise<CreateServiceTokenResponse> {
    const created = await this.tokens.create({ name: body.name, actor: actorOf(session), meta });
    return { id: created.id, name: body.name, token: created.token };
  }

  @ContractRoute(adminServiceTokenOperations.revokeServiceToken)
  async revoke(
    @CurrentSession() session: AuthenticatedSession,
    @Param(validate(ZServiceTokenParams)) params: { tokenId: string },
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    // Only a live token: revoking twice must not look like a second change.
    const live = (await this.tokens.list()).some((token) => token.id === params.tokenId && token.revokedAt === null);
    if (!live) throw new AppError(AdminErrors.SERVICE_TOKEN_NOT_FOUND);
    await this.tokens.revoke({ id: params.tokenId, actor: actorOf(session), meta });
  }
}
