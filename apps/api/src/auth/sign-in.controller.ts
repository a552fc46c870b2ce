import { Controller, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  authOperations,
  passkeyOperations,
  type PasskeyOptions,
  type PasskeySignInResponse,
  type Me,
  type SignInResponse,
  type SignInTotpResponse,
} from '@mailgate/contracts';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import { ContractBody, type BodyOf } from '../infrastructure/common/http/contract-input.decorator.js';
import { ReqMeta, type RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { MailgateMetrics } from '../infrastructure/metrics/mailgate-metrics.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { CurrentSession, Public } from './auth.decorators.js';
import { CsrfGuard } from './csrf.guard.js';
import { ME_SELECT, toMe } from './me.view.js';
import { clearPendingCookie, readPendingCookie, writePendingCookie } from './pending-sign-in.js';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './session-cookie.js';
import { SessionService, type IssuedSession } from './session.service.js';
import type { AuthenticatedSession } from './session.types.js';
import { SignInService } from './sign-in.service.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { clearBrowserBinding, readBrowserBinding, startBrowserBinding } from './passkeys/passkey-browser-cookie.js';
import { PasskeySignInService } from './passkeys/passkey-sign-in.service.js';
import type { PasskeyAuthenticationResponse } from '@mailgate/contracts';
import { RequestOrigin } from './passkeys/request-origin.js';

@Controller()
export class SignInController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionService,
    private readonly prisma: PrismaService,
    private readonly metrics: MailgateMetrics,
    private readonly settings: GlobalSettingsService,
    private readonly passkeySignIn: PasskeySignInService,
    private readonly keyring: SecretKeyring,
  ) {}

  @Public()
  @UseGuards(CsrfGuard)
  @ContractRoute(authOperations.signIn)
  async withPassword(
    @ContractBody() body: BodyOf<typeof authOperations.signIn>,
    @ReqMeta() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInResponse> {
    const result = await this.counted('password', this.signIn.withPassword(body.email, body.password, meta), (done) =>
      done.status === 'second-factor-required' ? 'TOTP_REQUIRED' : 'SIGNED_IN',
    );
    if (result.status === 'second-factor-required') {
      writePendingCookie(request, reply, result.pendingToken);
      // An account with TOTP only keeps the answer older clients know.
      return result.methods.includes('passkey')
        ? { status: 'second-factor-required', methods: [...result.methods] }
        : { status: 'totp-required' };
    }
    await this.startSession(request, reply, result.session);
    return { status: 'signed-in', session: result.me };
  }

  @Public()
  @UseGuards(CsrfGuard)
  @ContractRoute(authOperations.signInTotp)
  async withSecondFactor(
    @ContractBody() body: BodyOf<typeof authOperations.signInTotp>,
    @ReqMeta() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInTotpResponse> {
    const result = await this.counted(
      'second_factor',
      this.signIn.withSecondFactor(readPendingCookie(request), body, meta),
      () => 'SIGNED_IN',
    );
    await this.startSession(request, reply, result.session);
    return {
      status: 'signed-in',
      session: result.me,
      ...(result.recoveryCodesRemaining === undefined ? {} : { recoveryCodesRemaining: result.recoveryCodesRemaining }),
    };
  }

  @Public()
  @UseGuards(CsrfGuard)
  @ContractRoute(passkeyOperations.signInOptions)
  async passkeyOptions(
    @ReqMeta() meta: RequestMeta,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PasskeyOptions> {
    const pending = this.passkeySignIn.pending(readPendingCookie(request));
    return this.passkeySignIn.options(pending, () => startBrowserBinding(this.keyring, request, reply), meta);
  }

  /** A passkey alone, or after the password (the pending cookie decides; see PasskeySignInService). */
  @Public()
  @UseGuards(CsrfGuard)
  @ContractRoute(passkeyOperations.signIn)
  async withPasskey(
    @ContractBody() body: BodyOf<typeof passkeyOperations.signIn>,
    @ReqMeta() meta: RequestMeta,
    @RequestOrigin() origin: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PasskeySignInResponse> {
    const result = await this.counted(
      'passkey',
      this.passkeySignIn.signIn({
        pending: this.passkeySignIn.pending(readPendingCookie(request)),
        browserBinding: readBrowserBinding(this.keyring, request),
        response: body.response as PasskeyAuthenticationResponse,
        requestOrigin: origin,
        meta,
      }),
      () => 'SIGNED_IN',
    );
    await this.startSession(request, reply, result.session);
    clearBrowserBinding(request, reply);
    return { status: 'signed-in', session: result.me };
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
    const { staffPasskeyRequired } = await this.settings.get();
    return toMe(user, { ...session, staffPasskeyRequired });
  }

  /** Counts the step's outcome: its result, or the error code answered (a closed catalogue). */
  private async counted<T>(
    step: 'password' | 'second_factor' | 'passkey',
    work: Promise<T>,
    outcomeOf: (result: T) => string,
  ): Promise<T> {
    try {
      const result = await work;
      this.metrics.webSignIns.inc({ step, outcome: outcomeOf(result) });
      return result;
    } catch (error) {
      this.metrics.webSignIns.inc({ step, outcome: error instanceof AppError ? error.code : 'ERROR' });
      throw error;
    }
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
