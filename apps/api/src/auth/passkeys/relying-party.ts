import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type VerifiedAuthenticationResponse,
  type VerifiedRegistrationResponse,
} from '@simplewebauthn/server';
import {
  PasskeyErrors,
  type PasskeyAuthenticationResponse,
  type PasskeyRegistrationResponse,
} from '@mailgate/contracts';
import { AppError } from '../../infrastructure/common/http/app-error.js';
import { APP_CONFIG, type AppConfig } from '../../infrastructure/config/config.js';

const RP_NAME = 'Mailgate';
/** Loopback origins of a local or test run: http(s)://localhost on any port. */
const LOCALHOST_ORIGIN = /^https?:\/\/localhost(:\d{1,5})?$/;

type StoredCredential = Parameters<typeof verifyAuthenticationResponse>[0]['credential'];
type RegistrationInfo = NonNullable<VerifiedRegistrationResponse['registrationInfo']>;
type AssertionInfo = VerifiedAuthenticationResponse['authenticationInfo'];

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
  private readonly logger = new Logger('RelyingParty');

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

  /** A new passkey's attestation; PASSKEY_REGISTRATION_FAILED for anything that does not verify. */
  async verifiedRegistration(
    response: PasskeyRegistrationResponse,
    challenge: string,
    requestOrigin: string | undefined,
  ): Promise<RegistrationInfo> {
    return this.acceptedOrRefused(PasskeyErrors.PASSKEY_REGISTRATION_FAILED, 'passkey registration', async () => {
      const result = await verifyRegistrationResponse({
        response: response as Parameters<typeof verifyRegistrationResponse>[0]['response'],
        ...this.expectations(challenge, requestOrigin),
      });
      return result.verified ? result.registrationInfo : undefined;
    });
  }

  /** A signature by a stored passkey; PASSKEY_NOT_ACCEPTED for anything that does not verify. */
  async verifiedAssertion(
    response: PasskeyAuthenticationResponse,
    credential: StoredCredential,
    challenge: string,
    requestOrigin: string | undefined,
  ): Promise<AssertionInfo> {
    return this.acceptedOrRefused(PasskeyErrors.PASSKEY_NOT_ACCEPTED, 'passkey assertion', async () => {
      const result = await verifyAuthenticationResponse({
        response: response as Parameters<typeof verifyAuthenticationResponse>[0]['response'],
        ...this.expectations(challenge, requestOrigin),
        credential,
      });
      return result.verified ? result.authenticationInfo : undefined;
    });
  }

  /**
   * What every response (registration or assertion) must satisfy: this challenge, an allowed
   * origin, this rpID, and user verification (a passkey counts as two factors only with it).
   */
  private expectations(challenge: string, requestOrigin: string | undefined) {
    return {
      expectedChallenge: challenge,
      expectedOrigin: this.expectedOrigins(requestOrigin),
      expectedRPID: this.rpID,
      requireUserVerification: true,
    };
  }

  private async acceptedOrRefused<T>(
    refusal: ConstructorParameters<typeof AppError>[0],
    what: string,
    verify: () => Promise<T | undefined>,
  ): Promise<T> {
    try {
      const info = await verify();
      if (info !== undefined) return info;
    } catch (error) {
      // The library's message says what did not match; useful in logs, never sent to the client.
      this.logger.debug({ err: (error as Error).message }, `${what} refused`);
    }
    throw new AppError(refusal);
  }
}
