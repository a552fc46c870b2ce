import { Controller } from '@nestjs/common';
import {
  adminUserOperations,
  type AdminUserDetail,
  type SearchUsersResponse,
  type StaffMeResponse,
} from '@mailgate/contracts';
import { CurrentSession, Roles } from '../auth/auth.decorators.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import {
  ContractParams,
  ContractQuery,
  type ParamsOf,
  type QueryOf,
} from '../infrastructure/common/http/contract-input.decorator.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { AdminUserDetailService } from './admin-user-detail.service.js';
import { AdminUserSearchService } from './admin-user-search.service.js';
import { toUserSummary } from './admin-views.js';

@Controller()
@Roles('SUPPORT', 'ADMIN')
export class AdminUsersController {
  constructor(
    private readonly search: AdminUserSearchService,
    private readonly details: AdminUserDetailService,
    private readonly prisma: PrismaService,
  ) {}

  @ContractRoute(adminUserOperations.staffMe)
  async staffMe(@CurrentSession() session: AuthenticatedSession): Promise<StaffMeResponse> {
    const me = await this.prisma.user.findUniqueOrThrow({
      where: { id: session.userId },
      select: { displayName: true },
    });
    // @Roles above guarantees a staff role with 2FA; the narrowing is for the type only.
    const role = session.role === 'ADMIN' ? 'ADMIN' : 'SUPPORT';
    return { userId: session.userId, email: session.email, displayName: me.displayName, role };
  }

  @ContractRoute(adminUserOperations.searchUsers)
  async searchUsers(
    @ContractQuery() query: QueryOf<typeof adminUserOperations.searchUsers>,
  ): Promise<SearchUsersResponse> {
    const page = await this.search.search(query);
    return { match: page.match, items: page.items.map(toUserSummary), nextCursor: page.nextCursor };
  }

  @ContractRoute(adminUserOperations.getUser)
  async getUser(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof adminUserOperations.getUser>,
  ): Promise<AdminUserDetail> {
    return this.details.get(session, params.userId);
  }
}
