import type { resetLinksEn } from './reset-links.en';

export const resetLinksDe: typeof resetLinksEn = {
  title: 'Links vom Support zum Zurücksetzen des Passworts',
  intro:
    'Wenn Sie nicht mehr in Ihr Konto kommen, kann der Support einen Einmal-Link erstellen, mit dem Sie ein neues Passwort festlegen. Widerrufen Sie jeden Link, um den Sie nicht gebeten haben: Er funktioniert dann sofort nicht mehr.',
  none: 'Für Ihr Konto gibt es keine offenen Links.',
  listLabel: 'Offene Links zum Zurücksetzen des Passworts',
  issuedBy: {
    support: 'Vom Support erstellt',
    you: 'Von Ihnen erstellt',
    system: 'Automatisch erstellt',
  },
  detail: 'Erstellt {{created}} · gültig bis {{expires}}',
  reason: 'Angegebener Grund: {{reason}}',
  cancel: 'Link widerrufen',
  cancelFor: 'erstellt {{created}}',
  cancelled: 'Der Link wurde widerrufen und funktioniert nicht mehr.',
};
