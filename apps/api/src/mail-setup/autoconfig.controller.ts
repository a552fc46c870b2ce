import { Body, Controller, Get, Header, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { CommonErrors, MailSetupErrors, zSafeText } from '@mailgate/contracts';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { validate } from '../infrastructure/common/validation/zod-validation.pipe.js';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { domainOfAddress, mailServerEndpoints } from './mail-server-endpoints.js';
import {
  OUTLOOK_RESPONSE_SCHEMA,
  parseAutodiscoverRequest,
  renderAutodiscoverResponse,
} from './outlook-autodiscover.js';
import { renderThunderbirdConfig } from './thunderbird-autoconfig.js';

export const AUTODISCOVER_PATHS = ['/autodiscover/autodiscover.xml', '/Autodiscover/Autodiscover.xml'] as const;
const XML = 'application/xml; charset=utf-8';

const ZAutoconfigQuery = z.object({ emailaddress: zSafeText(254).optional() });

/**
 * Autoconfiguration for mail programs, outside /api because the programs look for these fixed
 * paths. Public, no secrets, no account lookup: the answer depends on the address's domain only.
 * An address of a domain this provider does not serve gets 404 MAIL_DOMAIN_NOT_SERVED, so the
 * program moves on to its next method instead of trying our servers with a stranger's address.
 */
@Public()
@Controller()
export class AutoconfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get(['/.well-known/autoconfig/mail/config-v1.1.xml', '/mail/config-v1.1.xml'])
  @Header('content-type', XML)
  // The same file for everyone: caches may keep it for an hour.
  @Header('cache-control', 'public, max-age=3600')
  thunderbird(@Query(validate(ZAutoconfigQuery)) query: z.output<typeof ZAutoconfigQuery>): string {
    if (query.emailaddress !== undefined) this.assertServed(query.emailaddress);
    const endpoints = mailServerEndpoints(this.config);
    return renderThunderbirdConfig({
      domains: this.config.MAIL_DOMAINS,
      displayName: this.config.MAIL_PROVIDER_NAME,
      endpoints: [endpoints.IMAP, endpoints.POP3, endpoints.SMTP],
    });
  }

  @Post([...AUTODISCOVER_PATHS])
  @HttpCode(200)
  @Header('content-type', XML)
  @Header('cache-control', 'no-store')
  autodiscover(@Body() body: unknown): string {
    const request = typeof body === 'string' ? parseAutodiscoverRequest(body) : null;
    if (!request) throw new AppError(MailSetupErrors.AUTODISCOVER_REQUEST_INVALID);
    // Only Outlook's mail-settings schema is spoken here (not ActiveSync's).
    if (request.acceptableResponseSchema !== null && request.acceptableResponseSchema !== OUTLOOK_RESPONSE_SCHEMA) {
      throw new AppError(MailSetupErrors.AUTODISCOVER_REQUEST_INVALID);
    }
    this.assertServed(request.emailAddress);
    const endpoints = mailServerEndpoints(this.config);
    return renderAutodiscoverResponse(request.emailAddress.trim(), [endpoints.IMAP, endpoints.POP3, endpoints.SMTP]);
  }

  private assertServed(address: string): void {
    const domain = domainOfAddress(address);
    if (domain === null) {
      throw new AppError(CommonErrors.VALIDATION_FAILED, {
        issues: [{ path: 'emailaddress', message: 'Not an e-mail address.', code: 'invalid_format' }],
      });
    }
    if (!this.config.MAIL_DOMAINS.includes(domain)) throw new AppError(MailSetupErrors.MAIL_DOMAIN_NOT_SERVED);
  }
}
