import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { staffDe } from '../../i18n/messages/staff.de';
import { staffEn } from '../../i18n/messages/staff.en';

const withAdminMessages = new WeakSet<I18n>();

/** Adds the staff panel's texts to an i18n instance once; they travel with the panel's own chunk. */
export function addAdminMessages(i18n: I18n): void {
  if (withAdminMessages.has(i18n)) return;
  // Deep merge into the existing namespace, without overwriting anything the portal already has.
  i18n.addResourceBundle('en', 'translation', { admin: staffEn }, true, false);
  i18n.addResourceBundle('de', 'translation', { admin: staffDe }, true, false);
  withAdminMessages.add(i18n);
}

/**
 * Called first thing by the panel's layout, before any of its pages render a text: the panel is
 * lazy-loaded (routes.tsx), so its texts are not in the main catalogue.
 */
export function useStaffMessages(): void {
  const { i18n } = useTranslation();
  addAdminMessages(i18n);
}
