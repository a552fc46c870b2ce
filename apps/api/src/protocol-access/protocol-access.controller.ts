import { Controller } from '@nestjs/common';
import {
  KEEP_CURRENT_LIMIT,
  SessionErrors,
  protocolAccessOperations,
  type ListProtocolAccessResponse,
  type ProtocolAccessItem,
  type ProtocolAccessView,
} from '@mailgate/contracts';
import { CurrentSession } from '../auth/auth.decorators.js';
import { SessionService } from '../auth/session.service.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import {
  ContractBody,
  ContractParams,
  type BodyOf,
  type ParamsOf,
} from '../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { ProtocolAccessService } from './protocol-access.service.js';
import { accessDurationToUntil, mainPasswordBlockedBy } from './protocol-access.view.js';
import { ServerSettingsService } from './server-settings.service.js';

@Controller()
export class ProtocolAccessController {
  constructor(
    private readonly protocolAccess: ProtocolAccessService,
    private readonly serverSettings: ServerSettingsService,
    private readonly settings: GlobalSettingsService,
  ) {}

  @ContractRoute(protocolAccessOperations.list)
  async list(@CurrentSession() session: AuthenticatedSession): Promise<ListProtocolAccessResponse> {
    const [protocols, settings] = await Promise.all([this.protocolAccess.list(session.userId), this.settings.get()]);
    const blockedBy = mainPasswordBlockedBy(session.totpEnabled, settings);
    return {
      protocols: protocols.map((view) => this.withServerSettings(view, session.email)),
      mainPasswordUsable: blockedBy === null,
      mainPasswordBlockedBy: blockedBy,
    };
  }

  @ContractRoute(protocolAccessOperations.set)
  async set(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof protocolAccessOperations.set>,
    @ContractBody() body: BodyOf<typeof protocolAccessOperations.set>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<ProtocolAccessItem> {
    // Step-up only for opening a door: closing one must always be quick and never blocked.
    if (body.enabled && !SessionService.isSteppedUp(session)) throw new AppError(SessionErrors.STEP_UP_REQUIRED);
    const now = new Date();
    const view = await this.protocolAccess.setAccess({
      actor: { userId: session.userId, role: session.role, sessionId: session.sessionId },
      userId: session.userId,
      protocol: params.protocol,
      enabled: body.enabled,
      enabledUntil: !body.enabled
        ? null
        : body.duration === KEEP_CURRENT_LIMIT
          ? KEEP_CURRENT_LIMIT
          : accessDurationToUntil(body.duration, now),
      ...(body.pop3KeepCopy !== undefined ? { pop3KeepCopy: body.pop3KeepCopy } : {}),
      meta,
      now,
    });
    return this.withServerSettings(view, session.email);
  }

  private withServerSettings(view: ProtocolAccessView, email: string): ProtocolAccessItem {
    return { ...view, serverSettings: this.serverSettings.forProtocol(view.protocol, email) };
  }
}
