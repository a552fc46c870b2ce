import {
  Body,
  Controller,
  HttpCode,
  Inject,
  Injectable,
  NotFoundException,
  Post,
  UseGuards,
  type CanActivate,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Public } from '../auth/auth.decorators.js';
import { verifyPassword } from '../auth/password-hasher.js';
import { CredentialVerifier } from './credential-verifier.js';

/** The bench routes exist only when MAIL_AUTH_BENCH_ROUTES is on; otherwise they are 404s. */
@Injectable()
export class BenchRoutesEnabledGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(): boolean {
    if (!this.config.MAIL_AUTH_BENCH_ROUTES) throw new NotFoundException();
    return true;
  }
}

/**
 * Baselines for `npm run bench`, measured in the same server as the decisions: a route that
 * parses the same JSON body and answers a constant, and one that runs a single argon2id verify.
 * Not contract routes, so they never appear in the OpenAPI document.
 */
@Controller('api/mail/v1/bench')
@Public()
@UseGuards(BenchRoutesEnabledGuard)
export class MailAuthBenchController {
  constructor(private readonly credentials: CredentialVerifier) {}

  @Post('echo')
  @HttpCode(200)
  echo(@Body() body: unknown): { decision: 'deny'; reason: 'AUTH_FAILED' } {
    void body;
    return { decision: 'deny', reason: 'AUTH_FAILED' };
  }

  @Post('argon2')
  @HttpCode(200)
  async argon2(@Body() body: { password?: unknown }): Promise<{ ok: boolean }> {
    const password = typeof body.password === 'string' ? body.password : '';
    return { ok: await verifyPassword(this.credentials.benchmarkHash, password) };
  }
}
