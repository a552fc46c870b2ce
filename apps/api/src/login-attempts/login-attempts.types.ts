import type { CredentialKind, LoginResult, Protocol } from '../generated/prisma/enums.js';

/** One mail login decision, as the recorder receives it (off the response path). */
export interface LoginAttemptRecord {
  readonly userId: string | null;
  /** The login as the mail client sent it; sanitised before storage. */
  readonly loginAsTyped: string;
  readonly protocol: Protocol | null;
  readonly clientIp: string | null;
  readonly secured: boolean;
  readonly result: LoginResult;
  /** A MailAuthReason code. */
  readonly reasonCode: string;
  readonly credential: CredentialKind;
  readonly appPasswordId: string | null;
  readonly serviceTokenId: string | null;
  readonly createdAt: Date;
}

/** A stored attempt for the portal's activity page and the support panel (newest first). */
export type LoginAttemptView = Omit<LoginAttemptRecord, 'userId' | 'serviceTokenId' | 'createdAt'> & {
  readonly id: string;
  /** When it happened; for an hourly aggregate, its last login. */
  readonly time: string;
  /** Logins this entry stands for (1 for a single attempt). */
  readonly count: number;
  /** The first of them (equals time for a single attempt). */
  readonly firstTime: string;
  /** The app password's name when one was used and it still exists. */
  readonly appPasswordName: string | null;
};
