import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../infrastructure/config/config.js';

const RP_NAME = 'Mailgate';
/** Loopback origins of a local or test run: http(s)://localhost on any port. */
const LOCALHOST_ORIGIN = /^https?:\/\/localhost(:\d{1,5})?$/;

/**
 * Who the passkeys belong to (WebAuthn's relying party): the site in PUBLIC_URL. A passkey is bound
 * to that host name (rpID) by the authenticator, and every response must come from that origin, so
 * a look-alike site gets nothing it could use. Without PUBLIC_URL (local runs and tests) the rpID
 * is `localhost` and any `http(s)://localhost:<port>` origin the browser reports is accepted: the
 * authenticator itself refuses to use a localhost passkey anywhere else.
 */
@Injectable()
export class RelyingParty {
  readonly rpID: string;
  readonly rpName = RP_NAME;
  private readonly origin: string | null;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'PUBLIC_URL'>) {
    const url = config.PUBLIC_URL ? new URL(config.PUBLIC_URL) : null;
    this.rpID = url?.hostname ?? 'localhost';
    this.origin = url?.origin ?? null;
  }

  /** The origins a response may come from; `requestOrigin` is the request's Origin header. */
  expectedOrigins(requestOrigin: string | undefined): string[] {
    if (this.origin) return [this.origin];
    return requestOrigin && LOCALHOST_ORIGIN.test(requestOrigin) ? [requestOrigin] : [];
  }

  /**
   * What every response (registration or assertion) must satisfy: this challenge, an allowed
   * origin, this rpID, and user verification (a passkey counts as two factors only with it).
   */
  expectations(challenge: string, requestOrigin: string | undefined) {
    return {
      expectedChallenge: challenge,
      expectedOrigin: this.expectedOrigins(requestOrigin),
      expectedRPID: this.rpID,
      requireUserVerification: true,
    };
  }
}
