import { Inject, Injectable, Logger } from '@nestjs/common';
import { clientIpKey } from '../auth-locks/client-ip.js';
import type { Protocol } from '../generated/prisma/enums.js';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { SecurityNoticesService } from './security-notices.service.js';

/** A successful mail login as the attempt recorder has just written it. */
export interface WrittenMailSuccess {
  readonly userId: string;
  readonly protocol: Protocol;
  readonly clientIp: string;
  /** The first login of this batch from there: anything written earlier is history. */
  readonly firstAt: Date;
}

interface Device {
  readonly userId: string;
  readonly protocol: Protocol;
  readonly clientIp: string;
  /** The same address key as the brute-force defence's "familiar IP": IPv4 as is, IPv6 by its /64. */
  readonly network: string;
  readonly firstAt: Date;
}

/** How many settled devices an instance remembers (about 100 bytes each); the oldest go first. */
const SETTLED_DEVICES_MAX = 50_000;

interface History {
  any_before: boolean;
  device_before: boolean;
}

/**
 * "A new device logged in to your mail" (NEW_MAIL_DEVICE), the one mail-login event a user may not
 * know about while nothing is wrong yet. Of what a mail login carries, the device is its client
 * address, keyed as for familiar addresses (IPv4 as is, IPv6 by its /64). It is new when no
 * successful mail login of this user from there is in the login history within the
 * familiar-address window (MAIL_AUTH_RECENT_SUCCESS_DAYS). The protocol is named in the notice but
 * is not part of the device: one mail program logs in with IMAP and SMTP from the same address, and
 * counting each protocol would report every new setup twice. Not for the account's very first
 * successful mail login in that window: that is the user setting up their first mail program,
 * which the setup page confirms already, and a notice would only be noise. One notice per device
 * and window, however many logins (and API instances) see it: checked under a per-user lock.
 * Runs after the recorder's flush, never on a login's response path.
 */
@Injectable()
export class NewMailDeviceNotices {
  private readonly logger = new Logger('NewMailDevice');
  private readonly windowMs: number;
  /**
   * Devices this instance has settled (checked: known, first, or told), with when the window would
   * forget them. The login that settled one is in the history, so it stays known for a whole
   * window: a phone that polls every few minutes costs one check per window, not one per flush.
   */
  private readonly settled = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly notices: SecurityNoticesService,
  ) {
    this.windowMs = config.MAIL_AUTH_RECENT_SUCCESS_DAYS * 86_400_000;
  }

  async afterWrite(successes: readonly WrittenMailSuccess[], now = new Date()): Promise<void> {
    for (const device of distinctDevices(successes)) {
      const key = `${device.userId} ${device.network}`;
      if ((this.settled.get(key) ?? 0) > now.getTime()) continue;
      try {
        await this.check(device, now);
        this.remember(key, now.getTime() + this.windowMs);
      } catch (error: unknown) {
        this.logger.warn({ err: error }, 'could not check a mail login for a new device');
      }
    }
  }

  private remember(key: string, until: number): void {
    this.settled.delete(key);
    this.settled.set(key, until);
    if (this.settled.size > SETTLED_DEVICES_MAX) this.settled.delete(this.settled.keys().next().value!);
  }

  private async check(device: Device, now: Date): Promise<void> {
    const since = new Date(now.getTime() - this.windowMs);
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`new-mail-device:${device.userId}`}))`;
      const [history] = await tx.$queryRaw<History[]>`
        WITH earlier AS (
          SELECT "clientIp" FROM "login_attempts"
          WHERE "userId" = ${device.userId}::uuid AND "result" = 'ALLOW' AND "createdAt" > ${since}
            AND COALESCE("firstAt", "createdAt") < ${device.firstAt})
        SELECT EXISTS (SELECT 1 FROM earlier) AS any_before,
               EXISTS (SELECT 1 FROM earlier
                       WHERE CASE WHEN position('%' in "clientIp") = 0
                                  THEN "clientIp"::inet <<= ${device.network}::inet ELSE false END) AS device_before`;
      if (!history?.any_before || history.device_before) return;
      const told = await tx.securityNotice.count({
        where: {
          userId: device.userId,
          kind: 'NEW_MAIL_DEVICE',
          createdAt: { gt: since },
          params: { path: ['network'], equals: device.network },
        },
      });
      if (told > 0) return;
      await this.notices.create(tx, {
        userId: device.userId,
        kind: 'NEW_MAIL_DEVICE',
        params: { protocol: device.protocol, ip: device.clientIp, network: device.network },
      });
    });
  }
}

/** One entry per user and address key, with the earliest login of the batch from there. */
function distinctDevices(successes: readonly WrittenMailSuccess[]): Device[] {
  const devices = new Map<string, Device>();
  for (const success of successes) {
    const network = clientIpKey(success.clientIp);
    if (network === null) continue;
    const key = `${success.userId} ${network}`;
    const known = devices.get(key);
    if (!known || success.firstAt < known.firstAt) devices.set(key, { ...success, network });
  }
  return [...devices.values()];
}
