import { Controller } from '@nestjs/common';
import {
  APP_PASSWORD_LIMIT,
  appPasswordsOperations,
  type CreateAppPasswordResponse,
  type ListAppPasswordsResponse,
  type RevokeAllAppPasswordsResponse,
} from '@mailgate/contracts';
import { CurrentSession, RequireStepUp } from '../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import {
  ContractBody,
  ContractParams,
  type BodyOf,
  type ParamsOf,
} from '../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { ServerSettingsService } from '../protocol-access/server-settings.service.js';
import { AppPasswordsService } from './app-passwords.service.js';

/** Every query is scoped by the session's user id: ids of other users' app passwords are simply not found. */
@Controller()
export class AppPasswordsController {
  constructor(
    private readonly appPasswords: AppPasswordsService,
    private readonly serverSettings: ServerSettingsService,
  ) {}

  @ContractRoute(appPasswordsOperations.list)
  async list(@CurrentSession() session: AuthenticatedSession): Promise<ListAppPasswordsResponse> {
    const appPasswords = await this.appPasswords.list(session.userId);
    return {
      appPasswords,
      activeCount: appPasswords.filter((appPassword) => appPassword.status === 'active').length,
      limit: APP_PASSWORD_LIMIT,
    };
  }

  @RequireStepUp()
  @ContractRoute(appPasswordsOperations.create)
  async create(
    @CurrentSession() session: AuthenticatedSession,
    @ContractBody() body: BodyOf<typeof appPasswordsOperations.create>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<CreateAppPasswordResponse> {
    const { appPassword, secret } = await this.appPasswords.create({
      actor: { userId: session.userId, role: session.role, sessionId: session.sessionId },
      userId: session.userId,
      name: body.name,
      scopes: body.scopes,
      expiresIn: body.expiresIn,
      meta,
    });
    return {
      appPassword,
      secret,
      serverSettings: appPassword.scopes.map((protocol) => this.serverSettings.forProtocol(protocol, session.email)),
    };
  }

  @ContractRoute(appPasswordsOperations.revoke)
  async revoke(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof appPasswordsOperations.revoke>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.appPasswords.revoke({
      actor: { userId: session.userId, role: session.role, sessionId: session.sessionId },
      userId: session.userId,
      appPasswordId: params.id,
      meta,
    });
  }

  @ContractRoute(appPasswordsOperations.revokeAll)
  async revokeAll(
    @CurrentSession() session: AuthenticatedSession,
    @ReqMeta() meta: RequestMeta,
  ): Promise<RevokeAllAppPasswordsResponse> {
    const revoked = await this.appPasswords.revokeAll({
      actor: { userId: session.userId, role: session.role, sessionId: session.sessionId },
      userId: session.userId,
      meta,
    });
    return { revoked };
  }
}
