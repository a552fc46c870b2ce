import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CommonErrors } from '@mailgate/contracts';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { ServiceTokensService, type AuthenticatedServiceToken } from './service-tokens.service.js';

export type ServiceTokenRequest = FastifyRequest & { serviceToken?: AuthenticatedServiceToken };

/**
 * Guards the mail servers' API (`/api/mail/v1/*`, which is @Public() for the session guard).
 * A missing, malformed, unknown or revoked token gets the same bare 401: nothing tells a
 * prober which of these it was.
 */
@Injectable()
export class ServiceTokenGuard implements CanActivate {
  constructor(private readonly tokens: ServiceTokensService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ServiceTokenRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([\x21-\x7e]+)$/.exec(header) : null;
    const token = match?.[1] ? await this.tokens.authenticate(match[1]) : null;
    if (!token) throw new AppError(CommonErrors.UNAUTHENTICATED);
    request.serviceToken = token;
    return true;
  }
}
