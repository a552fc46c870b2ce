import { Controller } from '@nestjs/common';
import {
  activityOperations,
  type ListLoginActivityResponse,
  type ListSecurityEventsResponse,
} from '@mailgate/contracts';
import { CurrentSession } from '../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import { ContractQuery, type QueryOf } from '../infrastructure/common/http/contract-input.decorator.js';
import { ActivityService } from './activity.service.js';

@Controller()
export class ActivityController {
  constructor(private readonly activity: ActivityService) {}

  @ContractRoute(activityOperations.logins)
  async logins(
    @CurrentSession() session: AuthenticatedSession,
    @ContractQuery() query: QueryOf<typeof activityOperations.logins>,
  ): Promise<ListLoginActivityResponse> {
    return { logins: await this.activity.recentLogins(session.userId, query.limit) };
  }

  @ContractRoute(activityOperations.events)
  async events(
    @CurrentSession() session: AuthenticatedSession,
    @ContractQuery() query: QueryOf<typeof activityOperations.events>,
  ): Promise<ListSecurityEventsResponse> {
    return { events: await this.activity.securityEvents(session.userId, query.limit) };
  }
}
