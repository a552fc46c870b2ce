import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../generated/prisma/enums.js';
import type { AuthenticatedSession } from './session.types.js';

export const PUBLIC_ROUTE = 'mailgate:public';
export const REQUIRED_ROLES = 'mailgate:roles';
export const REQUIRES_STEP_UP = 'mailgate:step-up';

/** No session needed (sign-in, health, the mail servers' token-guarded API). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles; staff roles also need TOTP enabled (enforced by SessionGuard). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/** Needs a re-authentication (password, or TOTP when 2FA is on) within the last few minutes. */
export const RequireStepUp = (): MethodDecorator => SetMetadata(REQUIRES_STEP_UP, true);

export type SessionRequest = FastifyRequest & { session?: AuthenticatedSession };

export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedSession => {
    const session = context.switchToHttp().getRequest<SessionRequest>().session;
    if (!session) throw new Error('CurrentSession used on a route without SessionGuard');
    return session;
  },
);
