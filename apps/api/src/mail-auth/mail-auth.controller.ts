import { Body, Controller, Param, Req, UseFilters, UseGuards } from '@nestjs/common';
import {
  hasControlCharacters,
  MAIL_PROTOCOLS,
  MailAuthErrors,
  mailAuthOperations,
  type MailAuthResponse,
  type MailProtocol,
  type MailProtocolLookupResponse,
  type MailUserLookupResponse,
} from '@mailgate/contracts';
import { Public } from '../auth/auth.decorators.js';
import { ContractRoute } from '../infrastructure/common/http/contract-route.decorator.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { MailgateMetrics } from '../infrastructure/metrics/mailgate-metrics.js';
import { ServiceTokenGuard, type ServiceTokenRequest } from '../service-tokens/service-token.guard.js';
import { MailAuthExceptionFilter } from './mail-auth-tempfail.js';
import { parseMailAuthRequest } from './mail-auth-request.parser.js';
import { DecisionRecorder } from './decision-recorder.js';
import { MailAuthService } from './mail-auth.service.js';
import { MailLookupsService } from './mail-lookups.service.js';

/**
 * The mail servers' API. @Public() only exempts it from the user-session guard: every route
 * needs a service token instead.
 */
@Controller()
@Public()
@UseGuards(ServiceTokenGuard)
@UseFilters(MailAuthExceptionFilter)
export class MailAuthController {
  constructor(
    private readonly mailAuth: MailAuthService,
    private readonly lookups: MailLookupsService,
    private readonly recorder: DecisionRecorder,
    private readonly metrics: MailgateMetrics,
  ) {}

  @ContractRoute(mailAuthOperations.decide)
  async decide(@Body() body: unknown, @Req() request: ServiceTokenRequest): Promise<MailAuthResponse> {
    const tokenId = request.serviceToken?.id as string;
    const parsed = parseMailAuthRequest(body);
    if (!parsed.ok) {
      this.recorder.recordInvalidRequest(parsed.identifiableLogin, body, tokenId);
      throw new AppError(parsed.error, parsed.issues ? { issues: parsed.issues } : {});
    }
    const stopTimer = this.metrics.mailDecisionSeconds.startTimer({ protocol: parsed.request.protocol });
    // Anything thrown here is answered tempfail by MailAuthExceptionFilter.
    const answer = await this.mailAuth.decide(parsed.request, tokenId).catch((error: unknown) => {
      stopTimer({ decision: 'tempfail' });
      throw error;
    });
    stopTimer({ decision: answer.decision });
    return answer;
  }

  @ContractRoute(mailAuthOperations.protocolLookup)
  async protocolLookup(@Param() params: Record<string, string>): Promise<MailProtocolLookupResponse> {
    const protocol = params.protocol as MailProtocol;
    if (!MAIL_PROTOCOLS.includes(protocol)) throw new AppError(MailAuthErrors.MAIL_AUTH_UNKNOWN_PROTOCOL);
    return this.lookups.protocolLookup(checkedEmail(params.email), protocol);
  }

  @ContractRoute(mailAuthOperations.userLookup)
  async userLookup(@Param() params: Record<string, string>): Promise<MailUserLookupResponse> {
    const found = await this.lookups.userLookup(checkedEmail(params.email));
    if (!found) throw new AppError(MailAuthErrors.MAIL_USER_UNKNOWN);
    return found;
  }
}

/** A path login that cannot name an account is simply unknown (404 / USER_UNKNOWN), never a 5xx. */
function checkedEmail(value: string | undefined): string {
  if (!value || value.length > 1024 || hasControlCharacters(value) || !value.isWellFormed()) return '';
  return value;
}
