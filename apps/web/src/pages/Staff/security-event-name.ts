import type { AdminSecurityEvent } from '@mailgate/contracts';
import { knownActionPath } from '../../i18n/audit-action';
import type { TFunction } from '../../i18n/message-keys';
import { staffEn } from '../../i18n/messages/staff.en';

/**
 * An audit action (`protocol_access.enabled`) as support reads it ("IMAP turned on"). An action this
 * panel does not know yet (a newer server) is still shown, with its code.
 */
export function securityEventName(
  t: TFunction,
  event: Pick<AdminSecurityEvent, 'action' | 'before' | 'after'>,
): string {
  const path = knownActionPath(staffEn.events.actions, event.action);
  if (!path) return t('admin.events.unknownAction', { action: event.action });
  // Checked against the catalogue; the typed keys (i18n/message-keys.ts) cannot see that.
  const key = `admin.events.actions.${path}` as 'admin.events.actions.password.changed';
  return t(key, { protocol: protocolOf(event.after) ?? protocolOf(event.before) ?? '' });
}

/** Protocol events record the protocol's state before and after; its name is all the title needs. */
function protocolOf(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const protocol = (state as { protocol?: unknown }).protocol;
  return typeof protocol === 'string' ? protocol : null;
}
