import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { REPO_ROOT } from '../infrastructure/config/paths.js';

export interface OutgoingMail {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly language: string;
}

/** Where mails go: the relay in SMTP_URL; in demo mode without one, .eml files a newcomer can open. */
export type MailDestination = 'smtp' | 'files' | 'none';

type TransportConfig = Pick<
  AppConfig,
  'SMTP_URL' | 'MAIL_FROM' | 'MAILGATE_DEMO' | 'MAIL_OUTBOX_DIR' | 'SMTP_TIMEOUT_MS'
>;

/**
 * Hands one mail to the relay (nodemailer over SMTP) or, in demo mode without a relay, writes it
 * as an .eml file. A thrown error means "not delivered, try later"; the outbox sender decides.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger('MailTransport');
  readonly destination: MailDestination;
  private readonly smtp: Transporter | null;
  private readonly files: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: TransportConfig) {
    this.destination = config.SMTP_URL ? 'smtp' : config.MAILGATE_DEMO ? 'files' : 'none';
    this.smtp = config.SMTP_URL
      ? nodemailer.createTransport({
          // nodemailer reads host, port, secure and auth from the URL (query options too, e.g. ?tls.rejectUnauthorized=false).
          url: config.SMTP_URL,
          connectionTimeout: config.SMTP_TIMEOUT_MS,
          greetingTimeout: config.SMTP_TIMEOUT_MS,
          socketTimeout: config.SMTP_TIMEOUT_MS,
        } as Parameters<typeof nodemailer.createTransport>[0])
      : null;
    // Builds the raw message exactly as SMTP would carry it, for the demo's .eml files.
    this.files =
      this.destination === 'files' ? nodemailer.createTransport({ streamTransport: true, buffer: true }) : null;
  }

  get outboxDir(): string {
    const dir = this.config.MAIL_OUTBOX_DIR;
    return isAbsolute(dir) ? dir : join(REPO_ROOT, dir);
  }

  async send(mail: OutgoingMail): Promise<void> {
    const message = {
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
    };
    if (this.smtp) {
      await this.smtp.sendMail(message);
      return;
    }
    if (this.files) {
      const info = (await this.files.sendMail(message)) as { message: Buffer };
      await mkdir(this.outboxDir, { recursive: true });
      await writeFile(
        join(this.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`),
        info.message,
      );
      return;
    }
    throw new Error('no SMTP_URL configured: the mail waits in the outbox');
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
    this.logger.debug('mail transport closed');
  }
}
