import { randomUUID } from 'node:crypto';
import type { IncomingProtocol } from '@mailgate/contracts';
import type { MailServerEndpoint } from './mail-server-endpoints.js';
import { renderPlist } from './plist-writer.js';

export interface AppleMailProfileInput {
  readonly providerName: string;
  /** Reverse-DNS prefix of the payload identifiers, e.g. `com.example.mail`. */
  readonly identifierPrefix: string;
  readonly email: string;
  readonly deviceName: string;
  readonly appPasswordId: string;
  readonly secret: string;
  readonly incoming: MailServerEndpoint & { protocol: IncomingProtocol };
  readonly outgoing: MailServerEndpoint;
}

/**
 * An Apple configuration profile with one mail account (payload type com.apple.mail.managed).
 * Identifiers carry the app password's id, so installing a second profile for another device adds
 * an account instead of replacing this one. TLS on both servers: the MAIL_* settings offer no other.
 */
export function renderAppleMailProfile(input: AppleMailProfileInput): string {
  const base = `${input.identifierPrefix}.${input.appPasswordId}`;
  const mailPayload = {
    PayloadType: 'com.apple.mail.managed',
    PayloadVersion: 1,
    PayloadIdentifier: `${base}.mail`,
    PayloadUUID: randomUUID().toUpperCase(),
    PayloadDisplayName: `${input.providerName} (${input.email})`,
    EmailAccountDescription: input.providerName,
    EmailAccountType: input.incoming.protocol === 'IMAP' ? 'EmailTypeIMAP' : 'EmailTypePOP',
    EmailAddress: input.email,
    IncomingMailServerHostName: input.incoming.host,
    IncomingMailServerPortNumber: input.incoming.port,
    IncomingMailServerUseSSL: true,
    IncomingMailServerAuthentication: 'EmailAuthPassword',
    IncomingMailServerUsername: input.email,
    IncomingPassword: input.secret,
    OutgoingMailServerHostName: input.outgoing.host,
    OutgoingMailServerPortNumber: input.outgoing.port,
    OutgoingMailServerUseSSL: true,
    OutgoingMailServerAuthentication: 'EmailAuthPassword',
    OutgoingMailServerUsername: input.email,
    OutgoingPasswordSameAsIncomingPassword: true,
    OutgoingPassword: input.secret,
  };
  return renderPlist({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: base,
    PayloadUUID: randomUUID().toUpperCase(),
    PayloadDisplayName: `${input.providerName}: ${input.deviceName}`,
    PayloadDescription: `Mail account ${input.email} with its own app password "${input.deviceName}". Revoke it on the portal's app-password page.`,
    PayloadOrganization: input.providerName,
    PayloadRemovalDisallowed: false,
    PayloadContent: [mailPayload],
  });
}

/** `example.com` → `com.example`: the identifier style Apple's profiles use. */
export function reverseDomain(domain: string): string {
  return domain.split('.').reverse().join('.');
}

/** A download name with only safe ASCII: `Erika's iPhone` → `Erikas-iPhone.mobileconfig`. */
export function profileFileName(deviceName: string): string {
  const safe = deviceName
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 _-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 40);
  return `${safe || 'mail'}.mobileconfig`;
}
