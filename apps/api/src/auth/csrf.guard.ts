import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { verifyCsrf } from './csrf.js';

/**
 * The CSRF check for @Public() routes that still change state (sign-in, sign-out): SessionGuard
 * skips public routes, and a forged cross-site sign-in ("login CSRF") would put the victim into
 * the attacker's account. As a guard it runs before body validation.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    verifyCsrf(context.switchToHttp().getRequest<FastifyRequest>());
    return true;
  }
}
