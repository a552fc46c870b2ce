import { Controller } from '@nestjs/common';
import { pendingResetLinkOperations, type ListPendingPasswordResetLinksResponse } from '@mailgate/contracts';
import { CurrentSession } from '../../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../../auth/session.types.js';
import { ContractRoute } from '../../infrastructure/common/http/contract-route.decorator.js';
import { ContractParams, type ParamsOf } from '../../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../../infrastructure/common/http/request-meta.js';
import { PendingResetLinksService } from './pending-reset-links.service.js';

/** `/api/account/password-reset-links`: the signed-in user's pending staff-issued links. */
@Controller()
export class PendingResetLinksController {
  constructor(private readonly links: PendingResetLinksService) {}

  @ContractRoute(pendingResetLinkOperations.listPendingLinks)
  async list(@CurrentSession() session: AuthenticatedSession): Promise<ListPendingPasswordResetLinksResponse> {
    return { links: await this.links.list(session.userId) };
  }

  @ContractRoute(pendingResetLinkOperations.cancelLink)
  async cancel(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof pendingResetLinkOperations.cancelLink>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.links.cancel(session, params.id, meta);
  }
}
