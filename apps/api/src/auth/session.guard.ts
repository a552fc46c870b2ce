import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonErrors, SessionErrors } from '@mailgate/contracts';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { Role } from '../generated/prisma/enums.js';
import { PUBLIC_ROUTE, REQUIRED_ROLES, REQUIRES_STEP_UP, type SessionRequest } from './auth.decorators.js';
import { readSessionCookie } from './session-cookie.js';
import { GlobalSettingsService } from '../settings/global-settings.service.js';
import { SessionService } from './session.service.js';
import { hasStrongFactor } from './step-up-window.js';
import { STAFF_ROLES } from './session.types.js';
import { verifyCsrf } from './csrf.js';

/**
 * The global guard for the web API: every route needs a live session unless marked @Public().
 * State-changing requests must also pass the CSRF check; @Roles and @RequireStepUp are enforced
 * here, server-side, whatever the SPA shows.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly settings: GlobalSettingsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SessionRequest>();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    verifyCsrf(request);
    const token = readSessionCookie(request);
    const session = token ? await this.sessions.resolve(token) : null;
    if (!session) throw new AppError(token ? SessionErrors.SESSION_EXPIRED : CommonErrors.UNAUTHENTICATED);
    request.session = session;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles) {
      if (!roles.includes(session.role)) throw new AppError(CommonErrors.FORBIDDEN);
      if (STAFF_ROLES.includes(session.role)) {
        // Staff need a strong second factor: a TOTP code or a passkey (STAFF_TOTP_REQUIRED keeps its
        // name for older clients). An admin may require that staff sessions were confirmed with a passkey.
        if (!hasStrongFactor(session)) throw new AppError(SessionErrors.STAFF_TOTP_REQUIRED);
        if (!session.passkeyVerifiedAt && (await this.settings.get()).staffPasskeyRequired)
          throw new AppError(SessionErrors.STAFF_PASSKEY_REQUIRED);
      }
    }
    if (this.reflector.get<boolean>(REQUIRES_STEP_UP, context.getHandler()) && !SessionService.isSteppedUp(session)) {
      throw new AppError(SessionErrors.STEP_UP_REQUIRED);
    }
    return true;
  }
}
