import type { staffErrorsEn } from './staff-errors.en';

export const staffErrorsDe: typeof staffErrorsEn = {
  USER_NOT_FOUND: 'Dieses Konto gibt es nicht.',
  ITEM_NOT_FOUND:
    'Diesen Eintrag gibt es nicht mehr, oder er gehört zu einem anderen Konto. Die Seite wurde aktualisiert.',
  LAST_ADMIN: 'Das ist das letzte Administrationskonto; es kann weder herabgestuft noch gesperrt werden.',
  SELF_ACTION_REFUSED: 'Das können Sie in der Verwaltung nicht mit Ihrem eigenen Konto tun.',
  NO_CHANGE: 'Das Konto ist bereits in diesem Zustand.',
  SEARCH_TERM_TOO_SHORT: 'Für die Suche innerhalb von Adressen und Namen braucht es mindestens 3 Zeichen.',
  INVALID_CURSOR: 'Diese Ergebnisseite ist nicht mehr gültig. Bitte suchen Sie erneut.',
  SERVICE_TOKEN_NAME_TAKEN:
    'Ein Token mit diesem Namen gibt es schon (auch widerrufene zählen). Wählen Sie einen anderen Namen.',
  SERVICE_TOKEN_NAME_INVALID: 'Der Name darf 1 bis 63 Kleinbuchstaben, Ziffern, Punkte oder Bindestriche enthalten.',
  SERVICE_TOKEN_NOT_FOUND: 'Dieses Token gibt es nicht. Die Liste wurde aktualisiert.',
  AUTH_LOCK_NOT_FOUND: 'Diese Sperre betrifft das Konto nicht mehr. Die Seite wurde aktualisiert.',
  AUTH_LOCK_NOT_ACTIVE: 'Diese Sperre ist bereits abgelaufen oder wurde aufgehoben. Die Seite wurde aktualisiert.',
  RESET_LINK_INVALID:
    'Dieser Link gilt nicht mehr: Er wurde schon benutzt, ist abgelaufen, wurde widerrufen, oder am Konto hat sich seither etwas geändert. Bitten Sie den Support um einen neuen.',
};
