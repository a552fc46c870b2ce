import { Injectable } from '@nestjs/common';
import { generateRegistrationOptions } from '@simplewebauthn/server';
import {
  CommonErrors,
  PASSKEY_LIMIT,
  PasskeyErrors,
  type PasskeyOptions,
  type PasskeyRegistrationResponse,
  type PasskeyView,
  type SecurityNoticeKind,
} from '@mailgate/contracts';
import { lockUserRow, SecurityChangeService } from '../../account-events/security-change.service.js';
import { AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../audit/audit.types.js';
import { AppError } from '../../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../../infrastructure/database/prisma.service.js';
import type { Passkey, Prisma } from '../../generated/prisma/client.js';
import { SecurityNoticesService } from '../../notices/security-notices.service.js';
import { AccountSessionsService } from '../account-sessions.service.js';
import type { AuthenticatedSession } from '../session.types.js';
import { PasskeyChallenges } from './passkey-challenges.js';
import { RelyingParty } from './relying-party.js';

type Change = { actor: Actor; userId: string; reason?: string | null; meta: RequestMeta | null };

/**
 * The user's passkeys: adding one (discoverable, user verification required), renaming and
 * removing. Adding and removing change how the account signs in, so they go through
 * SecurityChangeService (row lock, audit, notice, securityVersion bump, publish after commit),
 * like TOTP changes; renaming is audited and noticed but changes no access.
 */
@Injectable()
export class PasskeysService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly challenges: PasskeyChallenges,
    private readonly rp: RelyingParty,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
    private readonly securityChange: SecurityChangeService,
    private readonly sessions: AccountSessionsService,
  ) {}

  async list(userId: string): Promise<PasskeyView[]> {
    const rows = await this.prisma.passkey.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
    return rows.map(toPasskeyView);
  }

  async registrationOptions(session: AuthenticatedSession, now = new Date()): Promise<PasskeyOptions> {
    const existing = await this.prisma.passkey.findMany({
      where: { userId: session.userId },
      select: { credentialId: true, transports: true },
    });
    if (existing.length >= PASSKEY_LIMIT) throw new AppError(PasskeyErrors.PASSKEY_LIMIT_REACHED);
    const challenge = await this.challenges.issue('registration', `session:${session.sessionId}`, now);
    const options = await generateRegistrationOptions({
      rpName: this.rp.rpName,
      rpID: this.rp.rpID,
      userName: session.email,
      // The same user handle for every passkey of the account, so an authenticator replaces its old
      // passkey for this account instead of keeping two; a UUID says nothing about the person.
      userID: Buffer.from(session.userId.replaceAll('-', ''), 'hex'),
      // As bytes: a string would be taken as UTF-8 text and encoded again.
      challenge: new Uint8Array(Buffer.from(challenge, 'base64url')),
      attestationType: 'none',
      excludeCredentials: existing.map((entry) => ({ id: entry.credentialId, transports: entry.transports })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    return options as unknown as PasskeyOptions;
  }

  async register(input: {
    session: AuthenticatedSession;
    name: string;
    response: PasskeyRegistrationResponse;
    requestOrigin: string | undefined;
    meta: RequestMeta | null;
    now?: Date;
  }): Promise<PasskeyView> {
    const now = input.now ?? new Date();
    const { session } = input;
    const challenge = await this.challenges.consume(
      input.response.response.clientDataJSON,
      'registration',
      `session:${session.sessionId}`,
      now,
    );
    const info = await this.rp.verifiedRegistration(input.response, challenge, input.requestOrigin);
    const change: Change = {
      actor: { userId: session.userId, role: session.role },
      userId: session.userId,
      meta: input.meta,
    };

    const created = await this.passkeyChange(session.userId, async (tx) => {
      const user = await tx.user.findUniqueOrThrow({
        where: { id: session.userId },
        select: { passkeysEnabledAt: true, totpEnabledAt: true },
      });
      const count = await tx.passkey.count({ where: { userId: session.userId } });
      if (count >= PASSKEY_LIMIT) throw new AppError(PasskeyErrors.PASSKEY_LIMIT_REACHED);
      const taken = await tx.passkey.findUnique({ where: { credentialId: info.credential.id }, select: { id: true } });
      if (taken) throw new AppError(PasskeyErrors.PASSKEY_ALREADY_REGISTERED);
      const created = await tx.passkey.create({
        data: {
          userId: session.userId,
          credentialId: info.credential.id,
          publicKey: Buffer.from(info.credential.publicKey),
          counter: BigInt(info.credential.counter),
          transports: info.credential.transports ?? [],
          deviceType: info.credentialDeviceType,
          backedUp: info.credentialBackedUp,
          aaguid: info.aaguid,
          name: input.name,
          createdAt: now,
        },
      });
      if (!user.passkeysEnabledAt) {
        await tx.user.update({ where: { id: session.userId }, data: { passkeysEnabledAt: now } });
        // The first strong factor of the account: what was opened with the password alone ends,
        // as when TOTP is turned on (the current session's password step-up stops counting too).
        if (!user.totpEnabledAt) await this.sessions.endOthers(tx, session, input.meta, now);
      }
      await this.record(tx, change, 'passkey.added', 'PASSKEY_ADDED', null, { name: created.name });
      return created;
    });
    return toPasskeyView(created);
  }

  /**
   * A new label only: what a session or sign-in may do stays the same, so (unlike adding or
   * removing) no securityVersion bump voids pending sign-ins or cached decisions. Still audited
   * and noticed, under the row lock so `before` is the name it replaced.
   */
  async rename(input: Change & { passkeyId: string; name: string }): Promise<PasskeyView> {
    const renamed = await this.prisma.$transaction(async (tx) => {
      await lockUserRow(tx, input.userId);
      const before = await this.owned(tx, input.userId, input.passkeyId);
      const renamed = await tx.passkey.update({ where: { id: before.id }, data: { name: input.name } });
      await this.record(tx, input, 'passkey.renamed', 'PASSKEY_RENAMED', { name: before.name }, { name: renamed.name });
      return renamed;
    });
    return toPasskeyView(renamed);
  }

  /** By the user (after a step-up) or by support with a reason. The last one clears passkeysEnabledAt. */
  async remove(input: Change & { passkeyId: string }): Promise<void> {
    await this.passkeyChange(input.userId, async (tx) => {
      const passkey = await this.owned(tx, input.userId, input.passkeyId);
      await tx.passkey.delete({ where: { id: passkey.id } });
      if ((await tx.passkey.count({ where: { userId: input.userId } })) === 0) {
        await tx.user.update({ where: { id: input.userId }, data: { passkeysEnabledAt: null } });
      }
      await this.record(tx, input, 'passkey.removed', 'PASSKEY_REMOVED', { name: passkey.name }, null);
    });
  }

  /** Adding or removing a way to sign in: through the one security-change path. */
  private passkeyChange<T>(userId: string, change: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.securityChange.run(userId, 'passkey', (tx, control) => {
      // Passkeys never open mail access, so no mail session has to end.
      control.endsAccess([]);
      return change(tx);
    });
  }

  private async owned(tx: Prisma.TransactionClient, userId: string, passkeyId: string): Promise<Passkey> {
    const passkey = await tx.passkey.findFirst({ where: { id: passkeyId, userId } });
    if (!passkey) throw new AppError(CommonErrors.NOT_FOUND);
    return passkey;
  }

  private async record(
    tx: Prisma.TransactionClient,
    change: Change,
    action: string,
    kind: SecurityNoticeKind,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): Promise<void> {
    const byStaff = change.actor.userId !== change.userId;
    const reason = change.reason ?? null;
    await this.audit.record(tx, {
      actor: change.actor,
      targetUserId: change.userId,
      action,
      before,
      after,
      reason,
      meta: change.meta,
    });
    const name = String((after ?? before)?.name ?? '');
    await this.notices.create(tx, { userId: change.userId, kind, params: { name }, byStaff, reason });
  }
}

export function toPasskeyView(passkey: Passkey): PasskeyView {
  return {
    id: passkey.id,
    name: passkey.name,
    createdAt: passkey.createdAt.toISOString(),
    lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
    backedUp: passkey.backedUp,
  };
}
