// Test accounts and settings changes, made through the portal's own services (the same calls the
// portal's API makes for a signed-in user): each change is audited, bumps securityVersion and is
// published after commit, so Mailgate reacts exactly as in production: caches dropped, Dovecot's
// auth cache flushed and sessions kicked through the doveadm HTTP API.
import { AppPasswordsService } from '../../../apps/api/src/app-passwords/app-passwords.service.js';
import type { Protocol } from '../../../apps/api/src/generated/prisma/enums.js';
import { ProtocolAccessService } from '../../../apps/api/src/protocol-access/protocol-access.service.js';
import { createUser } from '../../../apps/api/test/support/builders.js';
import type { MailgateApi } from './mailgate-api.js';

export interface MailUser {
  id: string;
  email: string;
  password: string;
}

export interface ProtocolSettings {
  IMAP?: boolean;
  POP3?: boolean;
  SMTP?: boolean;
  /** POP3 "keep a copy on the server" (Mailgate's default is on). */
  keepCopy?: boolean;
}

export async function createMailUser(api: MailgateApi, password: string, protocols: ProtocolSettings = {}) {
  const created = await createUser(api.prisma, { password });
  const user: MailUser = { id: created.id, email: created.email, password };
  for (const protocol of ['IMAP', 'POP3', 'SMTP'] as const) {
    if (protocols[protocol] !== undefined || (protocol === 'POP3' && protocols.keepCopy !== undefined)) {
      await setProtocol(api, user, protocol, protocols[protocol] ?? false, protocols.keepCopy);
    }
  }
  return user;
}

/** The user turns a protocol on or off in the portal (and, for POP3, chooses "keep a copy"). */
export async function setProtocol(
  api: MailgateApi,
  user: MailUser,
  protocol: Protocol,
  enabled: boolean,
  keepCopy?: boolean,
): Promise<void> {
  await api.app.get(ProtocolAccessService).setAccess({
    actor: { userId: user.id, role: 'USER' },
    userId: user.id,
    protocol,
    enabled,
    ...(protocol === 'POP3' && keepCopy !== undefined ? { pop3KeepCopy: keepCopy } : {}),
    meta: null,
  });
}

/** The user turns a protocol on until the given moment ("IMAP for 7 days", here for seconds). */
export async function setProtocolUntil(
  api: MailgateApi,
  user: MailUser,
  protocol: Protocol,
  until: Date,
): Promise<void> {
  await api.app.get(ProtocolAccessService).setAccess({
    actor: { userId: user.id, role: 'USER' },
    userId: user.id,
    protocol,
    enabled: true,
    enabledUntil: until,
    meta: null,
  });
}

/** The user creates an app password for the given protocols; returns the secret as the portal shows it. */
export async function createAppPassword(api: MailgateApi, user: MailUser, scopes: Protocol[]): Promise<string> {
  const { secret } = await api.app.get(AppPasswordsService).create({
    actor: { userId: user.id, role: 'USER' },
    userId: user.id,
    name: `e2e ${scopes.join('+')}`,
    scopes,
    expiresIn: 'never',
    meta: null,
  });
  return secret;
}
