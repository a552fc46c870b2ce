// Test accounts and settings changes. A change is written the way the portal's services write it
// (the row, a securityVersion bump in the same transaction, then AccountEventsService.publish
// after commit), so Mailgate reacts exactly as it does in production: caches dropped, Dovecot's
// auth cache flushed and sessions kicked through the doveadm HTTP API.
import { randomBytes, randomInt } from 'node:crypto';
import { AccountEventsService } from '../../../apps/api/src/account-events/account-events.service.js';
import { hashPassword } from '../../../apps/api/src/auth/password-hasher.js';
import { SecretKeyring } from '../../../apps/api/src/common/crypto/secret-keyring.js';
import type { Protocol } from '../../../apps/api/src/generated/prisma/enums.js';
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
  const email = `e2e-${randomBytes(5).toString('hex')}@example.test`;
  const user = await api.prisma.user.create({
    data: { email, passwordHash: await hashPassword(password) },
    select: { id: true },
  });
  const mailUser: MailUser = { id: user.id, email, password };
  for (const protocol of ['IMAP', 'POP3', 'SMTP'] as const) {
    if (protocols[protocol] !== undefined || (protocol === 'POP3' && protocols.keepCopy !== undefined)) {
      await setProtocol(api, mailUser, protocol, protocols[protocol] ?? false, protocols.keepCopy);
    }
  }
  return mailUser;
}

export async function setProtocol(
  api: MailgateApi,
  user: MailUser,
  protocol: Protocol,
  enabled: boolean,
  keepCopy?: boolean,
): Promise<void> {
  const events = api.app.get(AccountEventsService);
  const now = new Date();
  const securityVersion = await api.prisma.$transaction(async (tx) => {
    const fields = {
      enabled,
      enabledAt: enabled ? now : null,
      enabledUntil: null,
      ...(keepCopy === undefined ? {} : { pop3KeepCopy: keepCopy }),
    };
    await tx.protocolAccess.upsert({
      where: { userId_protocol: { userId: user.id, protocol } },
      create: { userId: user.id, protocol, ...fields },
      update: fields,
    });
    return events.bumpSecurityVersion(tx, user.id);
  });
  await events.publish({ userId: user.id, kind: 'protocol-access', securityVersion });
}

const APP_PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Creates an app password for the given protocols; returns the secret as the portal shows it. */
export async function createAppPassword(api: MailgateApi, user: MailUser, scopes: Protocol[]): Promise<string> {
  const symbols = Array.from({ length: 24 }, () => APP_PASSWORD_ALPHABET[randomInt(APP_PASSWORD_ALPHABET.length)]);
  const secret = symbols.join('');
  const keyring = api.app.get(SecretKeyring);
  const events = api.app.get(AccountEventsService);
  const securityVersion = await api.prisma.$transaction(async (tx) => {
    await tx.appPassword.create({
      data: {
        userId: user.id,
        name: `e2e ${scopes.join('+')}`,
        scopes,
        secretHash: keyring.hash('app-password', secret),
      },
    });
    return events.bumpSecurityVersion(tx, user.id);
  });
  await events.publish({ userId: user.id, kind: 'app-password', securityVersion });
  return secret.match(/.{4}/g)?.join('-') ?? secret;
}
