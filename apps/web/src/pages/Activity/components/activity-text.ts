import type { LoginActivity, SecurityEvent } from '@mailgate/contracts';
import { knownActionPath } from '../../../i18n/audit-action';
import type { TFunction } from '../../../i18n/message-keys';
import { en } from '../../../i18n/en';

type ReasonCode = Exclude<keyof typeof en.activity.reasons, 'unknown'>;

/** A mail-auth reason code in plain words; a code this SPA does not know yet still reads sensibly. */
export function reasonText(t: TFunction, code: string): string {
  return code !== 'unknown' && Object.hasOwn(en.activity.reasons, code)
    ? t(`activity.reasons.${code as ReasonCode}`)
    : t('activity.reasons.unknown', { code });
}

export function credentialText(t: TFunction, login: LoginActivity): string {
  if (login.credential === 'APP_PASSWORD' && login.appPasswordName) {
    return t('activity.credential.APP_PASSWORD_NAMED', { name: login.appPasswordName });
  }
  return t(`activity.credential.${login.credential}`);
}

/** `protocol_access.enabled` → "IMAP turned on", with the event's whitelisted details filled in. */
export function eventText(t: TFunction, event: Pick<SecurityEvent, 'action' | 'details'>): string {
  const path = knownActionPath(en.activity.events.actions, event.action);
  if (!path) return t('activity.events.unknown', { action: event.action });
  const details = Object.fromEntries(
    Object.entries(event.details).map(([key, value]) => [key, value === null ? '' : String(value)]),
  );
  // Checked against the catalogue; the typed keys (i18n/message-keys.ts) cannot see that.
  const key = `activity.events.actions.${path}` as 'activity.events.actions.password.changed';
  return t(key, { protocol: '', name: '', ...details });
}
