import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Protocol } from '@mailgate/contracts';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { MailgateMetrics } from '../infrastructure/metrics/mailgate-metrics.js';

const TIMEOUT_MS = 2_000;
/** doveadm's exit code for "no user / session matched": nothing to kick, not a failure. */
export const DOVEADM_EXIT_NO_MATCH = 68;
/** Dovecot's service names for the protocols whose sessions it holds (SMTP sessions live in Postfix). */
const DOVECOT_SERVICES: Partial<Record<Protocol, string>> = { IMAP: 'imap', POP3: 'pop3' };

/** `off`: no doveadm API configured; `nothing`: Dovecot had no matching session. */
export type KickResult = 'kicked' | 'nothing' | 'failed' | 'off';

type CallResult = { ok: true; payload: unknown } | { ok: false; exitCode: number | null };

interface WhoEntry {
  readonly service?: string;
  readonly ip?: string;
}

/**
 * Dovecot's doveadm HTTP API (DOVEADM_URL / DOVEADM_API_KEY): closes a user's open IMAP/POP3
 * sessions (`kick`) and empties Dovecot's auth cache (`authCacheFlush`), so a change in Mailgate
 * reaches connections and cached answers at once. Failures are logged and swallowed: the change
 * itself has already succeeded and must not fail because of them.
 */
@Injectable()
export class DoveadmClient {
  private readonly logger = new Logger('Doveadm');
  private sequence = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: MailgateMetrics,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.DOVEADM_URL && this.config.DOVEADM_API_KEY);
  }

  /**
   * Closes the user's open sessions of the given protocols only. Dovecot 2.3's kick has no
   * protocol filter, so for one protocol we ask `who` which addresses hold such sessions and kick
   * the user from those addresses. A session of the other protocol from the same address is
   * closed too: keeping access that was taken away open would be worse than a reconnect.
   */
  async kick(user: string, protocols: readonly Protocol[]): Promise<KickResult> {
    if (!this.enabled) return 'off';
    const services = new Set(protocols.flatMap((protocol) => DOVECOT_SERVICES[protocol] ?? []));
    if (services.size === 0) return 'nothing';
    if (services.size === Object.keys(DOVECOT_SERVICES).length) return this.kickMask([user]);

    const who = await this.call('who', { mask: [user], separateConnections: true });
    // Without the list, close everything: access that was taken away must not stay open.
    if (!who.ok || !Array.isArray(who.payload)) return this.kickMask([user]);
    const ips = new Set(
      (who.payload as WhoEntry[]).flatMap((entry) =>
        entry.service && services.has(entry.service) && entry.ip ? [entry.ip] : [],
      ),
    );
    if (ips.size === 0) return 'nothing';
    const results = await Promise.all([...ips].map((ip) => this.kickMask([user, ip])));
    if (results.includes('failed')) return 'failed';
    return results.includes('kicked') ? 'kicked' : 'nothing';
  }

  /**
   * Flushes the given users' cached answers. No users = the whole cache (an IP lock concerns
   * every user): Dovecot 2.3.19 refuses the call without a `user` parameter, an empty list is
   * its "all users".
   */
  async authCacheFlush(users: readonly string[]): Promise<boolean> {
    if (!this.enabled) return false;
    return (await this.call('authCacheFlush', { user: [...users] })).ok;
  }

  private async kickMask(mask: readonly string[]): Promise<KickResult> {
    const result = await this.call('kick', { mask: [...mask] }, DOVEADM_EXIT_NO_MATCH);
    if (result.ok) return 'kicked';
    return result.exitCode === DOVEADM_EXIT_NO_MATCH ? 'nothing' : 'failed';
  }

  /** `expectedExitCode`: an exit code that is an ordinary answer for this command, not worth a warning. */
  private async call(
    command: string,
    parameters: Record<string, unknown>,
    expectedExitCode?: number,
  ): Promise<CallResult> {
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
      const answer = response.ok ? parseAnswer(body) : null;
      // A successful call answers [["doveadmResponse", [...], tag]]; a failed one ["error", {"exitCode": n}, tag].
      const exitCode = answer?.type === 'error' ? exitCodeOf(answer.payload) : null;
      const ok = answer?.type === 'doveadmResponse';
      const expected = exitCode !== null && exitCode === expectedExitCode;
      this.metrics.doveadmCalls.inc({ command, result: ok ? 'ok' : expected ? 'expected' : 'failed' });
      if (ok) return { ok: true, payload: answer.payload };
      if (!expected) {
        this.logger.warn(
          { command, status: response.status, exitCode, body: body.slice(0, 200) },
          'doveadm call failed',
        );
      }
      return { ok: false, exitCode };
    } catch (error) {
      this.metrics.doveadmCalls.inc({ command, result: 'unreachable' });
      this.logger.warn({ command, err: (error as Error).message }, 'doveadm unreachable');
      return { ok: false, exitCode: null };
    }
  }
}

function parseAnswer(body: string): { type: unknown; payload: unknown } | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (!Array.isArray(parsed) || !Array.isArray(parsed[0])) return null;
    const [type, payload] = parsed[0] as unknown[];
    return { type, payload };
  } catch {
    return null;
  }
}

function exitCodeOf(payload: unknown): number | null {
  const exitCode = (payload as { exitCode?: unknown } | null)?.exitCode;
  return typeof exitCode === 'number' ? exitCode : null;
}
