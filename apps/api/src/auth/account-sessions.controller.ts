import { Controller, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  authOperations,
  type ListSessionsResponse,
  type SignOutOthersResponse,
  type StepUpResponse,
} from '@mailgate/contracts';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import {
  ContractBody,
  ContractParams,
  type BodyOf,
  type ParamsOf,
} from '../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { AccountSessionsService } from './account-sessions.service.js';
import { CurrentSession } from './auth.decorators.js';
import { clearSessionCookie } from './session-cookie.js';
import type { AuthenticatedSession } from './session.types.js';
import { StepUpService } from './step-up.service.js';
import { RequestOrigin } from './passkeys/request-origin.js';

@Controller()
export class AccountSessionsController {
  constructor(
    private readonly sessions: AccountSessionsService,
    private readonly stepUp: StepUpService,
  ) {}

  @ContractRoute(authOperations.listSessions)
  async list(@CurrentSession() session: AuthenticatedSession): Promise<ListSessionsResponse> {
    return { sessions: await this.sessions.list(session) };
  }

  @ContractRoute(authOperations.signOutOthers)
  async signOutOthers(
    @CurrentSession() session: AuthenticatedSession,
    @ReqMeta() meta: RequestMeta,
  ): Promise<SignOutOthersResponse> {
    return { signedOut: await this.sessions.signOutOthers(session, meta) };
  }

  @ContractRoute(authOperations.revokeSession)
  async revoke(
    @CurrentSession() session: AuthenticatedSession,
    @ContractParams() params: ParamsOf<typeof authOperations.revokeSession>,
    @ReqMeta() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.revoke(session, params.id, meta);
    if (params.id === session.sessionId) clearSessionCookie(request, reply);
  }

  @ContractRoute(authOperations.stepUp)
  async confirm(
    @CurrentSession() session: AuthenticatedSession,
    @ContractBody() body: BodyOf<typeof authOperations.stepUp>,
    @ReqMeta() meta: RequestMeta,
    @RequestOrigin() origin: string | undefined,
  ): Promise<StepUpResponse> {
    const { stepUpValidUntil } = await this.stepUp.confirm(session, body, meta, new Date(), origin);
    return { stepUpValidUntil: stepUpValidUntil.toISOString() };
  }
}
