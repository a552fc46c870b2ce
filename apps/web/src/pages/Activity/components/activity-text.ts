import type { LoginActivity, SecurityEvent } from '@mailgate/contracts';
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

const ACTIONS = en.activity.events.actions as Record<string, Record<string, string> | undefined>;

/** `protocol_access.enabled` → "IMAP turned on", with the event's whitelisted details filled in. */
export function eventText(t: TFunction, event: Pick<SecurityEvent, 'action' | 'details'>): string {
  const [group, name, ...rest] = event.action.split('.');
  const known = group && name && rest.length === 0 && ACTIONS[group] && Object.hasOwn(ACTIONS[group], name);
  if (!known) return t('activity.events.unknown', { action: event.action });
  const details = Object.fromEntries(
    Object.entries(event.details).map(([key, value]) => [key, value === null ? '' : String(value)]),
  );
  // The key is checked against the catalogue above; the typed keys (i18n/message-keys.ts) cannot see that.
  const key = `activity.events.actions.${group}.${name}` as 'activity.events.actions.password.changed';
  return t(key, { protocol: '', name: '', ...details });
}
