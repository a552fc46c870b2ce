import { Inject, Injectable } from '@nestjs/common';
import type { Protocol, ServerSettings } from '@mailgate/contracts';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';

/** What a user types into a mail program, from the MAIL_* environment variables. */
@Injectable()
export class ServerSettingsService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  forProtocol(protocol: Protocol, email: string): ServerSettings {
    const { config } = this;
    const byProtocol = {
      IMAP: { host: config.MAIL_IMAP_HOST, port: config.MAIL_IMAP_PORT, encryption: config.MAIL_IMAP_SECURITY },
      POP3: { host: config.MAIL_POP3_HOST, port: config.MAIL_POP3_PORT, encryption: config.MAIL_POP3_SECURITY },
      SMTP: { host: config.MAIL_SMTP_HOST, port: config.MAIL_SMTP_PORT, encryption: config.MAIL_SMTP_SECURITY },
    } as const;
    return { protocol, ...byProtocol[protocol], username: email };
  }
}
