import type { AccessDuration, Protocol, ProtocolAccessView } from '@mailgate/contracts';
import type { GlobalSettings } from '../settings/global-settings.service.js';

/** The stored row's fields that matter for a view (a user may have no row: then defaults apply). */
export interface ProtocolAccessRow {
  readonly protocol: Protocol;
  readonly enabled: boolean;
  readonly enabledAt: Date | null;
  readonly enabledUntil: Date | null;
  readonly pop3KeepCopy: boolean;
}

type ProtocolDefaults = Pick<GlobalSettings, 'defaultImapEnabled' | 'defaultPop3Enabled' | 'defaultSmtpEnabled'>;

export function defaultEnabled(settings: ProtocolDefaults, protocol: Protocol): boolean {
  if (protocol === 'IMAP') return settings.defaultImapEnabled;
  if (protocol === 'POP3') return settings.defaultPop3Enabled;
  return settings.defaultSmtpEnabled;
}

/**
 * Time-limited access is evaluated here, at read time, rather than by a job flipping `enabled`
 * when the time is up: a late or failed job could then leave a door open.
 */
export function isEffectivelyEnabled(row: Pick<ProtocolAccessRow, 'enabled' | 'enabledUntil'>, now: Date): boolean {
  return row.enabled && (row.enabledUntil === null || row.enabledUntil.getTime() > now.getTime());
}

export function toProtocolAccessView(
  protocol: Protocol,
  row: ProtocolAccessRow | null,
  settings: ProtocolDefaults,
  now: Date,
): ProtocolAccessView {
  const effective: ProtocolAccessRow = row ?? {
    protocol,
    enabled: defaultEnabled(settings, protocol),
    enabledAt: null,
    enabledUntil: null,
    // Keeping a copy is the safe default: a POP3 client then cannot make mail vanish for other devices.
    pop3KeepCopy: true,
  };
  return {
    protocol,
    enabled: effective.enabled,
    effectiveEnabled: isEffectivelyEnabled(effective, now),
    enabledAt: effective.enabledAt?.toISOString() ?? null,
    enabledUntil: effective.enabledUntil?.toISOString() ?? null,
    pop3KeepCopy: protocol === 'POP3' ? effective.pop3KeepCopy : null,
    isDefault: row === null,
  };
}

const DURATION_MS: Record<Exclude<AccessDuration, 'unlimited'>, number> = {
  '1d': 24 * 60 * 60_000,
  '7d': 7 * 24 * 60 * 60_000,
  '30d': 30 * 24 * 60 * 60_000,
};

/** `unlimited` → null ("on until I turn it off"); otherwise the instant access ends. */
export function accessDurationToUntil(duration: AccessDuration, now: Date): Date | null {
  return duration === 'unlimited' ? null : new Date(now.getTime() + DURATION_MS[duration]);
}

export type MainPasswordBlockedBy = 'TOTP_ENABLED' | 'ADMIN_SETTING' | null;

/**
 * Whether the account password works in mail programs. With 2FA on it never does (a mail program
 * cannot ask for a code, so the password alone would bypass 2FA); an admin may also require app
 * passwords for everyone.
 */
export function mainPasswordBlockedBy(
  totpEnabled: boolean,
  settings: Pick<GlobalSettings, 'allowMainPasswordWithout2fa'>,
): MainPasswordBlockedBy {
  if (totpEnabled) return 'TOTP_ENABLED';
  if (!settings.allowMainPasswordWithout2fa) return 'ADMIN_SETTING';
  return null;
}
