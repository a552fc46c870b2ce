import type { commonEn } from './common.en';

export const commonDe: typeof commonEn = {
  close: 'Schließen',
  dismiss: 'Ausblenden',
  cancel: 'Abbrechen',
  done: 'Fertig',
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  retrying: 'Neuer Versuch …',
  copied: 'In die Zwischenablage kopiert.',
  copyFailed: 'Kopieren nicht möglich. Bitte markieren Sie den Text und kopieren Sie ihn selbst.',
  never: 'Nie',
  yes: 'Ja',
  no: 'Nein',
  on: 'An',
  off: 'Aus',
  signOut: 'Abmelden',
  signingOut: 'Abmeldung läuft …',
  signedInAs: 'Angemeldet als {{email}}',
  account: 'Konto',
  scrollBox: 'Tabelle (auf kleinen Bildschirmen seitlich verschiebbar)',
};
