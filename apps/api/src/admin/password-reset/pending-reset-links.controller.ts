import { Controller, Param } from '@nestjs/common';
import {
  pendingResetLinkOperations,
  ZPasswordResetLinkIdParams,
  type ListPendingPasswordResetLinksResponse,
} from '@mailgate/contracts';
import type { z } from 'zod';
import { CurrentSession } from '../../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../../auth/session.types.js';
import { ContractRoute } from '../../common/http/contract-route.decorator.js';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta.js';
import { validate } from '../../common/validation/zod-validation.pipe.js';
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
    @Param(validate(ZPasswordResetLinkIdParams)) params: z.output<typeof ZPasswordResetLinkIdParams>,
    @ReqMeta() meta: RequestMeta,
  ): Promise<void> {
    await this.links.cancel(session, params.id, meta);
  }
}
