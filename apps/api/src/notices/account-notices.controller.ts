import { Controller, Param } from '@nestjs/common';
import {
  ZNoticeIdParams,
  noticesOperations,
  type ListNoticesResponse,
  type MarkAllNoticesReadResponse,
} from '@mailgate/contracts';
import type { z } from 'zod';
import { CurrentSession } from '../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { ContractRoute } from '../common/http/contract-route.decorator.js';
import { validate } from '../common/validation/zod-validation.pipe.js';
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
    @Param(validate(ZNoticeIdParams)) params: z.output<typeof ZNoticeIdParams>,
  ): Promise<void> {
    await this.notices.markRead(session.userId, params.id);
  }

  @ContractRoute(noticesOperations.markAllRead)
  async markAllRead(@CurrentSession() session: AuthenticatedSession): Promise<MarkAllNoticesReadResponse> {
    return { marked: await this.notices.markAllRead(session.userId) };
  }
}
