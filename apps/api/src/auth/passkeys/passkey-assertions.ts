import { Injectable } from '@nestjs/common';
import { generateAuthenticationOptions } from '@simplewebauthn/server';
import { PasskeyErrors, type PasskeyAuthenticationResponse, type PasskeyOptions } from '@mailgate/contracts';
import { AuditService } from '../../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../../audit/audit.types.js';
import { AppError } from '../../infrastructure/common/http/app-error.js';
import type { RequestMeta } from '../../infrastructure/common/http/request-meta.js';
import { PrismaService } from '../../infrastructure/database/prisma.service.js';
import type { Passkey } from '../../generated/prisma/client.js';
import { SecurityNoticesService } from '../../notices/security-notices.service.js';
import { PasskeyChallenges, type ChallengeBinding } from './passkey-challenges.js';
import { RelyingParty } from './relying-party.js';

/**
 * Using a passkey: options for navigator.credentials.get() and checking the answer, for sign-in
 * (alone or after the password) and step-up. User verification is always required, which is what
 * lets a passkey count as two factors (something held, unlocked by PIN or biometrics).
 */
@Injectable()
export class PasskeyAssertions {
  constructor(
    private readonly prisma: PrismaService,
    private readonly challenges: PasskeyChallenges,
    private readonly rp: RelyingParty,
    private readonly audit: AuditService,
    private readonly notices: SecurityNoticesService,
  ) {}

  /** With `userId`, only that account's passkeys are offered; without, the browser lets the user pick any. */
  async options(binding: ChallengeBinding, userId: string | null, now = new Date()): Promise<PasskeyOptions> {
    const allowed = userId
      ? await this.prisma.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } })
      : [];
    const challenge = await this.challenges.issue('authentication', binding, now);
    const options = await generateAuthenticationOptions({
      rpID: this.rp.rpID,
      // As bytes: a string would be taken as UTF-8 text and encoded again.
      challenge: new Uint8Array(Buffer.from(challenge, 'base64url')),
      userVerification: 'required',
      allowCredentials: allowed.map((entry) => ({ id: entry.credentialId, transports: entry.transports })),
    });
    return options as unknown as PasskeyOptions;
  }

  /**
   * Spends the challenge, then checks the response against the stored public key, origin, rpID and
   * user verification. Throws PASSKEY_NOT_ACCEPTED for anything that does not verify (and for a
   * passkey of another account than `expectedUserId`). Returns the passkey's owner.
   */
  async verify(input: {
    response: PasskeyAuthenticationResponse;
    binding: ChallengeBinding;
    expectedUserId: string | null;
    requestOrigin: string | undefined;
    meta: RequestMeta | null;
    now?: Date;
  }): Promise<{ userId: string; passkeyId: string }> {
    const now = input.now ?? new Date();
    const challenge = await this.challenges.consume(
      input.response.response.clientDataJSON,
      'authentication',
      input.binding,
      now,
    );
    const passkey = await this.prisma.passkey.findUnique({ where: { credentialId: input.response.id } });
    if (!passkey || (input.expectedUserId !== null && passkey.userId !== input.expectedUserId)) {
      throw new AppError(PasskeyErrors.PASSKEY_NOT_ACCEPTED);
    }
    const handle = input.response.response.userHandle;
    if (
      handle !== undefined &&
      handle !== Buffer.from(passkey.userId.replaceAll('-', ''), 'hex').toString('base64url')
    ) {
      throw new AppError(PasskeyErrors.PASSKEY_NOT_ACCEPTED);
    }
    const info = await this.rp.verifiedAssertion(
      input.response,
      // The counter is compared after the signature is verified (below), not by the library.
      {
        id: passkey.credentialId,
        publicKey: new Uint8Array(passkey.publicKey),
        counter: 0,
        transports: passkey.transports,
      },
      challenge,
      input.requestOrigin,
    );
    const stored = Number(passkey.counter);
    // The signature counter must go up when the authenticator keeps one (synced passkeys report 0).
    // This is the library's own rule, applied after the signature was checked, so only someone
    // holding the key can trigger it: a lower or equal value means the key may have been copied.
    if ((info.newCounter > 0 || stored > 0) && info.newCounter <= stored) {
      await this.recordCounterRegression(passkey, info.newCounter, input.meta);
      throw new AppError(PasskeyErrors.PASSKEY_NOT_ACCEPTED);
    }
    // Conditional on the counter read above: of two racing uses of one signature, one wins.
    const used = await this.prisma.passkey.updateMany({
      where: { id: passkey.id, counter: passkey.counter },
      data: {
        counter: BigInt(info.newCounter),
        lastUsedAt: now,
        backedUp: info.credentialBackedUp,
        deviceType: info.credentialDeviceType,
      },
    });
    if (used.count !== 1) throw new AppError(PasskeyErrors.PASSKEY_NOT_ACCEPTED);
    return { userId: passkey.userId, passkeyId: passkey.id };
  }

  private async recordCounterRegression(passkey: Passkey, received: number, meta: RequestMeta | null): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.audit.record(tx, {
        actor: SYSTEM_ACTOR,
        targetUserId: passkey.userId,
        action: 'passkey.counter_regressed',
        before: { name: passkey.name, counter: Number(passkey.counter) },
        after: { counter: received },
        meta,
      });
      await this.notices.create(tx, {
        userId: passkey.userId,
        kind: 'PASSKEY_COUNTER_REGRESSED',
        params: { name: passkey.name },
      });
    });
  }
}
