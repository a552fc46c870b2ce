import type { MailAuthReason } from '@mailgate/contracts';
import type { Protocol } from '../generated/prisma/enums.js';
import type { LockReason } from '../auth-locks/brute-force.policy.js';
import { appPasswordStatus } from '../app-passwords/app-password.view.js';
import { isEffectivelyEnabled, mainPasswordBlockedBy } from '../protocol-access/protocol-access.view.js';
import type { AppPasswordState, ProtocolSetting, UserDecisionState } from './user-decision-state.js';

/** The outcome of checking the secret itself (see CredentialVerifier). */
export type CredentialCheck =
  | { readonly valid: true; readonly kind: 'password' }
  | { readonly valid: true; readonly kind: 'app-password'; readonly appPassword: AppPasswordState }
  | { readonly valid: false; readonly reason: 'USER_UNKNOWN' | 'PASSWORD_WRONG' | 'APP_PASSWORD_WRONG' };

/** The administrator's settings that take part in a decision. */
export interface DecisionSettings {
  readonly requireTls: boolean;
  readonly allowMainPasswordWithout2fa: boolean;
  readonly defaultEnabled: Readonly<Record<Protocol, boolean>>;
}

export interface DecisionFacts {
  readonly lock: LockReason | null;
  /** Absent when a lock already decided (the credential is then not even checked). */
  readonly credential?: CredentialCheck;
  readonly user: UserDecisionState | null;
  readonly protocol: Protocol;
  /** The login was protected by TLS. */
  readonly secured: boolean;
  readonly now: Date;
  readonly settings: DecisionSettings;
}

export type DecisionOutcome =
  | { readonly decision: 'allow'; readonly reason: 'OK' }
  | { readonly decision: 'deny'; readonly reason: Exclude<MailAuthReason, 'OK'> };

const deny = (reason: Exclude<MailAuthReason, 'OK'>): DecisionOutcome => ({ decision: 'deny', reason });

/**
 * The mail login rules, in the order that protects privacy: nothing about the account is
 * revealed (not even to the mail server's log) before the credential proved valid.
 *
 *  1. an active brute-force lock for this user and client (pair, IP, account) → LOCKED_*
 *  2. the credential: unknown user, wrong password, wrong app password       → *_WRONG / USER_UNKNOWN
 *  3. the account is disabled                                                 → ACCOUNT_DISABLED
 *  4. the protocol is off, or its time limit has passed                       → PROTOCOL_DISABLED / _EXPIRED
 *  5. a plaintext login while TLS is required                                 → TLS_REQUIRED
 *  6. the main password while 2FA is on or the administrator forbids it      → MAIN_PASSWORD_NOT_ALLOWED
 *  7. an app password not scoped for this protocol                           → APP_PASSWORD_SCOPE
 *  8. an app password revoked, or past its expiry                            → APP_PASSWORD_REVOKED / _EXPIRED
 *  otherwise                                                                  → allow (OK)
 *
 * Time limits are evaluated against `now`, so nothing cached can outlive them. Rules 4, 6 and 8
 * are the portal's own definitions (protocol-access.view.ts, app-password.view.ts), so what the
 * portal shows is what the mail server gets.
 */
export function decide(facts: DecisionFacts): DecisionOutcome {
  if (facts.lock) return deny(facts.lock);
  const credential = facts.credential;
  if (!credential || !facts.user) return deny(credential && !credential.valid ? credential.reason : 'USER_UNKNOWN');
  if (!credential.valid) return deny(credential.reason);
  const user = facts.user;
  if (user.disabled) return deny('ACCOUNT_DISABLED');

  const access = protocolAccess(user, facts.protocol, facts.settings, facts.now);
  if (access !== 'on') return deny(access === 'expired' ? 'PROTOCOL_EXPIRED' : 'PROTOCOL_DISABLED');
  if (facts.settings.requireTls && !facts.secured) return deny('TLS_REQUIRED');

  if (credential.kind === 'password') {
    const blocked = mainPasswordBlockedBy(user.totpEnabled, facts.settings);
    return blocked === null ? { decision: 'allow', reason: 'OK' } : deny('MAIN_PASSWORD_NOT_ALLOWED');
  }
  const appPassword = credential.appPassword;
  if (!appPassword.scopes.includes(facts.protocol)) return deny('APP_PASSWORD_SCOPE');
  const status = appPasswordStatus(appPassword, facts.now);
  if (status === 'revoked') return deny('APP_PASSWORD_REVOKED');
  if (status === 'expired') return deny('APP_PASSWORD_EXPIRED');
  return { decision: 'allow', reason: 'OK' };
}

/** Whether a protocol is on right now; without a stored choice the global default applies. */
export function protocolAccess(
  user: UserDecisionState,
  protocol: Protocol,
  settings: DecisionSettings,
  now: Date,
): 'on' | 'off' | 'expired' {
  const setting: ProtocolSetting | undefined = user.protocols[protocol];
  if (!setting) return settings.defaultEnabled[protocol] ? 'on' : 'off';
  if (!setting.enabled) return 'off';
  return isEffectivelyEnabled(setting, now) ? 'on' : 'expired';
}

/** Credential failures count towards brute-force locks; policy refusals of a valid secret do not. */
export function isCredentialFailure(reason: MailAuthReason): boolean {
  return reason === 'USER_UNKNOWN' || reason === 'PASSWORD_WRONG' || reason === 'APP_PASSWORD_WRONG';
}

/**
 * Whether the reason for refusing a *valid* credential may reach the mail client (Dovecot's
 * `nologin` + a readable text). Telling "IMAP is off" only to a right password would confirm a
 * guessed one, so a main password gets it only from an address where this user recently logged in
 * (mail or web); elsewhere the answer is `AUTH_FAILED`, as for a wrong password. An app password
 * may always be told: no one guesses 120 bits, so it confirms nothing.
 */
export function readableRefusal(
  credential: CredentialCheck | undefined,
  admission: { readonly familiar: boolean } | null,
): boolean {
  if (!credential?.valid) return false;
  return credential.kind === 'app-password' || admission?.familiar === true;
}
