import { Controller } from '@nestjs/common';
import { noticesOperations, type ListNoticesResponse, type MarkAllNoticesReadResponse } from '@mailgate/contracts';
import { CurrentSession } from '../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import { ContractParams, type ParamsOf } from '../infrastructure/common/http/contract-input.decorator.js';
import { AccountNoticesService } from './account-notices.service.js';

@Controller()
export class AccountNoticesController {
  constructor(private readonly notices: AccountNoticesService) {}

  @ContractRoute(noticesOperations.list)
  list(@CurrentSession() session: AuthenticatedSession): Promise<ListNoticesResponse> {
    return this.notices.list(session.userId, session.sessionId);
  }

  @ContractRoute(noticesOperations.markRead)
  async markRead(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof noticesOperations.markRead>,
  ): Promise<void> {
    await this.notices.markRead(session.userId, params.id);
  }

  @ContractRoute(noticesOperations.markAllRead)
  async markAllRead(@CurrentSession() session: AuthenticatedSession): Promise<MarkAllNoticesReadResponse> {
    return { marked: await this.notices.markAllRead(session.userId) };
  }
}
