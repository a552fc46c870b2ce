import { Injectable, Logger } from '@nestjs/common';
import type { Protocol } from '@mailgate/contracts';
import type { Prisma } from '../generated/prisma/client.js';

/** Why a user's security state changed; listeners may react differently (e.g. kick sessions). */
export type AccountChangeKind =
  'protocol-access' | 'app-password' | 'password' | 'totp' | 'passkey' | 'lock' | 'account-status' | 'role';

export interface AccountChange {
  readonly userId: string;
  readonly kind: AccountChangeKind;
  /** The user's securityVersion after the change. */
  readonly securityVersion: number;
  /**
   * The protocols whose open sessions this change ends, when the publisher knows exactly (a
   * protocol turned off or expired: that one; turned on: none). Unset: mail-auth decides by kind.
   */
  readonly endsAccess?: readonly Protocol[];
}

export type AccountChangeListener = (change: AccountChange) => void | Promise<void>;

/**
 * The seam between features that change a user's security state (portal, admin, locks) and
 * those that cache decisions about it (mail-auth). A change bumps `securityVersion` inside the
 * caller's transaction; after commit, `publish` tells every listener (and, through the
 * mail-auth module's broadcaster, every other API instance), so the next decision is fresh.
 */
@Injectable()
export class AccountEventsService {
  private readonly logger = new Logger('AccountEvents');
  private readonly listeners = new Set<AccountChangeListener>();

  /** Bumps the version in the caller's transaction; returns the new value for `publish`. */
  async bumpSecurityVersion(tx: Prisma.TransactionClient, userId: string): Promise<number> {
    const user = await tx.user.update({
      where: { id: userId },
      data: { securityVersion: { increment: 1 } },
      select: { securityVersion: true },
    });
    return user.securityVersion;
  }

  /** Call after the transaction committed. Listener failures are logged, never thrown at the user. */
  async publish(change: AccountChange): Promise<void> {
    await Promise.all(
      [...this.listeners].map(async (listener) => {
        try {
          await listener(change);
        } catch (error) {
          this.logger.error({ err: error, userId: change.userId, kind: change.kind }, 'account change listener failed');
        }
      }),
    );
  }

  subscribe(listener: AccountChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
