import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  HANDOFF_LIFETIME_MS,
  MailSetupErrors,
  type CreateHandoffResponse,
  type DeviceSettingsResponse,
  type IncomingProtocol,
} from '@mailgate/contracts';
import { AppPasswordsService } from '../app-passwords/app-passwords.service.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { SecretKeyring } from '../infrastructure/common/crypto/secret-keyring.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';
import { APP_CONFIG, type AppConfig } from '../infrastructure/config/config.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { ServerSettingsService } from '../protocol-access/server-settings.service.js';
import { profileFileName, renderAppleMailProfile, reverseDomain } from './apple-mail-profile.js';
import { mailServerEndpoints } from './mail-server-endpoints.js';
import { ProfileSigner } from './profile-signer.js';

export interface DeviceSetup {
  readonly deviceName: string;
  readonly incoming: IncomingProtocol;
}

export interface ProfileDownload {
  readonly appPasswordId: string;
  readonly fileName: string;
  readonly body: Buffer;
}

/**
 * Sets up one device: an app password named after it (created by AppPasswordsService, so the
 * limit, audit event and notice apply and it is listed and revocable like any other), delivered
 * as an Apple profile or as settings to type in. Nothing of the delivery is stored.
 */
@Injectable()
export class DeviceSetupService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly keyring: SecretKeyring,
    private readonly appPasswords: AppPasswordsService,
    private readonly serverSettings: ServerSettingsService,
    private readonly signer: ProfileSigner,
  ) {}

  async createProfile(session: AuthenticatedSession, setup: DeviceSetup, meta: RequestMeta): Promise<ProfileDownload> {
    const { appPassword, secret } = await this.createAppPassword(session, setup, meta);
    const endpoints = mailServerEndpoints(this.config);
    const profile = renderAppleMailProfile({
      providerName: this.config.MAIL_PROVIDER_NAME,
      identifierPrefix: `${reverseDomain(this.config.MAIL_DOMAINS[0] ?? 'mailgate.invalid')}.mailgate`,
      email: session.email,
      deviceName: setup.deviceName,
      appPasswordId: appPassword.id,
      secret,
      incoming: { ...endpoints[setup.incoming], protocol: setup.incoming },
      outgoing: endpoints.SMTP,
    });
    return {
      appPasswordId: appPassword.id,
      fileName: profileFileName(setup.deviceName),
      body: await this.signer.sign(profile),
    };
  }

  async createSettings(
    session: AuthenticatedSession,
    setup: DeviceSetup,
    meta: RequestMeta,
  ): Promise<DeviceSettingsResponse> {
    const { appPassword, secret } = await this.createAppPassword(session, setup, meta);
    return {
      appPassword,
      secret,
      serverSettings: appPassword.scopes.map((protocol) => this.serverSettings.forProtocol(protocol, session.email)),
    };
  }

  /** Only a keyed hash of the token is kept; the token itself goes into the QR code once. */
  async createHandoff(userId: string, setup: DeviceSetup, now = new Date()): Promise<CreateHandoffResponse> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + HANDOFF_LIFETIME_MS);
    await this.prisma.deviceHandoff.create({
      data: {
        userId,
        tokenHash: this.keyring.hash('device-handoff', token),
        deviceName: setup.deviceName,
        incoming: setup.incoming,
        createdAt: now,
        expiresAt,
      },
    });
    return { token, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Spends the link for this session's user: one atomic UPDATE, so two phones racing for it cannot
   * both win. Unknown, used, expired and another account's links are the same HANDOFF_INVALID.
   * If the app password cannot be made (limit reached), the link is given back.
   */
  async redeemHandoff<T>(
    session: AuthenticatedSession,
    token: string,
    deliver: (setup: DeviceSetup) => Promise<T>,
    now = new Date(),
  ): Promise<T> {
    const hashes = this.keyring.candidateHashes('device-handoff', token);
    const claimed = await this.prisma.$queryRaw<{ id: string; deviceName: string; incoming: IncomingProtocol }[]>`
      UPDATE device_handoffs SET "usedAt" = ${now}
      WHERE "tokenHash" = ANY(${hashes}) AND "userId" = ${session.userId}::uuid
        AND "usedAt" IS NULL AND "expiresAt" > ${now}
      RETURNING id, "deviceName", incoming::text AS incoming`;
    const handoff = claimed[0];
    if (!handoff) throw new AppError(MailSetupErrors.HANDOFF_INVALID);
    try {
      return await deliver({ deviceName: handoff.deviceName, incoming: handoff.incoming });
    } catch (error) {
      await this.prisma.deviceHandoff.update({ where: { id: handoff.id }, data: { usedAt: null } });
      throw error;
    }
  }

  private createAppPassword(session: AuthenticatedSession, setup: DeviceSetup, meta: RequestMeta) {
    return this.appPasswords.create({
      actor: { userId: session.userId, role: session.role },
      userId: session.userId,
      name: setup.deviceName,
      scopes: [setup.incoming, 'SMTP'],
      expiresIn: 'never',
      meta,
    });
  }
}
