import type { Translator } from '../../i18n/translator';
import { useTranslation } from '../../i18n/use-translation';
import { staffDe } from '../../i18n/messages/staff.de';
import { staffEn } from '../../i18n/messages/staff.en';

const withAdminMessages = new WeakSet<Translator>();

/** Adds the staff panel's texts to an i18n instance once; they travel with the panel's own chunk. */
export function addAdminMessages(i18n: Translator): void {
  if (withAdminMessages.has(i18n)) return;
  // Merged into the catalogues, without overwriting anything the portal already has.
  i18n.addMessages('en', { admin: staffEn });
  i18n.addMessages('de', { admin: staffDe });
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
