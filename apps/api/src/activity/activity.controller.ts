import { Controller, Query } from '@nestjs/common';
import {
  ZActivityQuery,
  activityOperations,
  type ListLoginActivityResponse,
  type ListSecurityEventsResponse,
} from '@mailgate/contracts';
import type { z } from 'zod';
import { CurrentSession } from '../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { ContractRoute } from '../common/http/contract-route.decorator.js';
import { validate } from '../common/validation/zod-validation.pipe.js';
import { ActivityService } from './activity.service.js';

@Controller()
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @ContractRoute(activityOperations.logins)
  async logins(
    @CurrentSession() session: AuthenticatedSession,
    @Query(validate(ZActivityQuery)) query: z.output<typeof ZActivityQuery>,
  ): Promise<ListLoginActivityResponse> {
    return { logins: await this.activity.recentLogins(session.userId, query.limit) };
  }

  @ContractRoute(activityOperations.events)
  async events(
    @CurrentSession() session: AuthenticatedSession,
    @Query(validate(ZActivityQuery)) query: z.output<typeof ZActivityQuery>,
  ): Promise<ListSecurityEventsResponse> {
    return { events: await this.activity.securityEvents(session.userId, query.limit) };
  }
}
