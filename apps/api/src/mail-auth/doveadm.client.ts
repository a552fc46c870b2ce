import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

const TIMEOUT_MS = 2_000;

/**
 * Dovecot's doveadm HTTP API (DOVEADM_URL / DOVEADM_API_KEY): closes a user's open IMAP/POP3
 * sessions (`kick`) and empties Dovecot's auth cache for them (`authCacheFlush`), so a change
 * in Mailgate reaches connections and cached answers at once. Failures are logged and
 * swallowed: the user's own action has already succeeded and must not fail because of them.
 */
@Injectable()
export class DoveadmClient {
  private readonly logger = new Logger('Doveadm');
  private sequence = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.DOVEADM_URL && this.config.DOVEADM_API_KEY);
  }

  async kick(user: string): Promise<boolean> {
    return this.call('kick', { mask: [user] });
  }

  /** Flushes the given users' cached answers; no users = the whole cache (an IP lock concerns everyone). */
  async authCacheFlush(users: readonly string[]): Promise<boolean> {
    return this.call('authCacheFlush', users.length > 0 ? { user: [...users] } : {});
  }

  private async call(command: string, parameters: Record<string, unknown>): Promise<boolean> {
    if (!this.enabled) return false;
    this.sequence = (this.sequence + 1) % 1_000_000;
    const tag = `mailgate${this.sequence}`;
    try {
      const response = await fetch(this.config.DOVEADM_URL as string, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `X-Dovecot-API ${Buffer.from(this.config.DOVEADM_API_KEY as string, 'utf8').toString('base64')}`,
        },
        body: JSON.stringify([[command, parameters, tag]]),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const body = await response.text();
      // A successful call answers [["doveadmResponse", [...], tag]]; errors answer ["error", {...}, tag].
      if (!response.ok || !body.startsWith('[["doveadmResponse"')) {
        this.logger.warn({ command, status: response.status, body: body.slice(0, 200) }, 'doveadm call failed');
        return false;
      }
      return true;
    } catch (error) {
      this.logger.warn({ command, err: (error as Error).message }, 'doveadm unreachable');
      return false;
    }
  }
}
