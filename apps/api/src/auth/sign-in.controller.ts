import { Body, Controller, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  authOperations,
  ZSignInRequest,
  ZSignInTotpRequest,
  type Me,
  type SignInResponse,
  type SignInTotpResponse,
} from '@mailgate/contracts';
import { ContractRoute } from '../common/http/contract-route.decorator.js';
import { ReqMeta, type RequestMeta } from '../common/http/request-meta.js';
import { validate } from '../common/validation/zod-validation.pipe.js';
import { PrismaService } from '../database/prisma.service.js';
import { CurrentSession, Public } from './auth.decorators.js';
import { CsrfGuard } from './csrf.guard.js';
import { ME_SELECT, toMe } from './me.view.js';
import { clearPendingCookie, readPendingCookie, writePendingCookie } from './pending-sign-in.js';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './session-cookie.js';
import { SessionService, type IssuedSession } from './session.service.js';
import type { AuthenticatedSession } from './session.types.js';
import { SignInService } from './sign-in.service.js';

@Controller()
export class SignInController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionService,
    private readonly prisma: PrismaService,
  ) {}

  @Public()
  @UseGuards(CsrfGuard)
  @ContractRoute(authOperations.signIn)
  async withPassword(
    @Body(validate(ZSignInRequest)) body: { email: string; password: string },
    @ReqMeta() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    const result = await this.signIn.withPassword(body.email, body.password, meta);
    if (result.status === 'totp-required') {
      writePendingCookie(request, reply, result.pendingToken);
      return { status: 'totp-required' };
    }
    await this.startSession(request, reply, result.session);
    return { status: 'signed-in', session: result.me };
  }

  @Public()
  @UseGuards(CsrfGuard)
  @ContractRoute(authOperations.signInTotp)
  async withSecondFactor(
    @Body(validate(ZSignInTotpRequest)) body: { code: string } | { recoveryCode: string },
    @ReqMeta() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInTotpResponse> {
    const result = await this.signIn.withSecondFactor(readPendingCookie(request), body, meta);
    await this.startSession(request, reply, result.session);
    return {
      status: 'signed-in',
      session: result.me,
      ...(result.recoveryCodesRemaining === undefined ? {} : { recoveryCodesRemaining: result.recoveryCodesRemaining }),
    };
  }

  /** Public, so a session that already ended can still clear its cookie. */
  @Public()
  @UseGuards(CsrfGuard)
  @ContractRoute(authOperations.signOut)
  async signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.endCookieSession(request);
    clearSessionCookie(request, reply);
    clearPendingCookie(request, reply);
  }

  @ContractRoute(authOperations.me)
  async me(@CurrentSession() session: AuthenticatedSession): Promise<Me> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: session.userId }, select: ME_SELECT });
    return toMe(user, session.lastStepUpAt);
  }

  /**
   * A fresh session id on every sign-in; the session this browser had before (if any) ends, so a
   * cookie planted before sign-in (session fixation) or left from another account is worthless.
   */
  private async startSession(request: FastifyRequest, reply: FastifyReply, session: IssuedSession): Promise<void> {
    await this.endCookieSession(request);
    writeSessionCookie(request, reply, session.token, session.expiresAt.getTime() - Date.now());
    clearPendingCookie(request, reply);
  }

  private async endCookieSession(request: FastifyRequest): Promise<void> {
    const token = readSessionCookie(request);
    const previous = token ? await this.sessions.resolve(token) : null;
    if (previous) await this.sessions.revoke(previous.sessionId);
  }
}
