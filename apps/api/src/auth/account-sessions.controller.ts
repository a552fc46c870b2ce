import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  authOperations,
  ZSessionIdParams,
  ZStepUpRequest,
  type ListSessionsResponse,
  type SignOutOthersResponse,
  type StepUpResponse,
} from '@mailgate/contracts';
import { ContractRoute } from '../common/http/contract-route.decorator.js';
import { ReqMeta, type RequestMeta } from '../common/http/request-meta.js';
import { validate } from '../common/validation/zod-validation.pipe.js';
import { AccountSessionsService } from './account-sessions.service.js';
import { CurrentSession } from './auth.decorators.js';
import { clearSessionCookie } from './session-cookie.js';
import type { AuthenticatedSession } from './session.types.js';
import { StepUpService, type StepUpProof } from './step-up.service.js';
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
    @Param(validate(ZSessionIdParams)) params: { id: string },
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
    @Body(validate(ZStepUpRequest)) body: StepUpProof,
    @ReqMeta() meta: RequestMeta,
    @RequestOrigin() origin: string | undefined,
  ): Promise<StepUpResponse> {
    const { stepUpValidUntil } = await this.stepUp.confirm(session, body, meta, new Date(), origin);
    return { stepUpValidUntil: stepUpValidUntil.toISOString() };
  }
}
