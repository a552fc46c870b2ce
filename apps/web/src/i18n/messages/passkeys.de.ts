import type { passkeyErrorsEn, passkeysEn } from './passkeys.en';

export const passkeysDe: typeof passkeysEn = {
  title: 'Passkeys',
  intro:
    'Mit einem Passkey melden Sie sich per Fingerabdruck, Gesicht, Geräte-PIN oder Sicherheitsschlüssel an – statt mit Passwort und Code. Er funktioniert nur auf dieser Website, eine gefälschte Seite kann ihn also nicht abgreifen.',
  mailProgramsHint: 'Passkeys gelten nur für diese Website. E-Mail-Programme verwenden weiterhin App-Passwörter.',
  none: 'Sie haben noch keine Passkeys.',
  listLabel: 'Ihre Passkeys',
  detail: 'Hinzugefügt {{created}} · zuletzt verwendet {{lastUsed}}',
  neverUsed: 'nie',
  nameLabel: 'Name des neuen Passkeys',
  nameHint: 'Damit Sie Ihre Passkeys auseinanderhalten, z. B. „Arbeitslaptop“.',
  defaultName: 'Passkey',
  add: 'Passkey hinzufügen',
  adding: 'Warte auf Ihr Gerät …',
  added: 'Der Passkey wurde hinzugefügt.',
  rename: 'Umbenennen',
  renameTitle: 'Passkey umbenennen',
  save: 'Speichern',
  remove: 'Entfernen',
  removeTitle: '„{{name}}“ entfernen?',
  removeBody:
    'Mit diesem Passkey können Sie sich danach nicht mehr anmelden. Löschen Sie ihn auch auf Ihrem Gerät oder im Passwortmanager.',
  removeLastWarning:
    'Das ist Ihr letzter Passkey, und die Zwei-Schritt-Anmeldung per App ist aus: Danach genügt wieder Ihr Passwort allein. Fügen Sie zuerst einen weiteren Passkey hinzu oder schalten Sie die Zwei-Schritt-Anmeldung ein, wenn der starke Schutz bleiben soll.',
  removed: 'Der Passkey wurde entfernt.',
  waiting: 'Warte auf Ihren Passkey …',
  signInIntro: 'Oder ohne Passwort anmelden:',
  signInAlone: 'Passkey verwenden',
  signInSecondStep: 'Mit Passkey bestätigen',
  stepUpIntro: 'Bestätigen Sie mit einem Ihrer Passkeys.',
  stepUpButton: 'Passkey verwenden',
  admin: {
    title: 'Passkeys',
    count_one: '{{count}} Passkey (nur Web-Anmeldung, nie E-Mail-Programme).',
    count_other: '{{count}} Passkeys (nur Web-Anmeldung, nie E-Mail-Programme).',
    removeLabel: 'Passkey {{name}} entfernen',
    removeDescription:
      'Die Person kann sich damit nicht mehr anmelden und wird mit Ihrer Begründung informiert. Nur bei verlorenem Gerät und nach Prüfung der Identität.',
    settingLabel: 'Mitarbeitende müssen mit Passkey bestätigen',
    settingHint:
      'Das Panel öffnet sich erst nach Anmeldung oder Bestätigung mit einem Passkey; ein Code aus einer App genügt dann nicht mehr. Richten Sie zuerst Ihren eigenen Passkey ein.',
  },
  staffGate: {
    title: 'Mit Passkey bestätigen',
    body: 'Eine Administratorin oder ein Administrator verlangt, dass Mitarbeitende sich mit einem Passkey bestätigen, bevor sich das Panel öffnet. Ein Code aus einer App genügt hier nicht.',
    noPasskey: 'Noch kein Passkey?',
    securityLink: 'Auf der Sicherheitsseite hinzufügen',
  },
  mail: {
    title: 'Passkeys und E-Mail-Programme',
    body: 'E-Mail-Programme (IMAP, POP3, SMTP) können keine Passkeys verwenden. Geben Sie jedem Programm ein eigenes App-Passwort.',
    unchanged:
      'Ein Passkey ändert nichts an Ihren E-Mail-Programmen: Eingerichtete Programme funktionieren weiter, und die Schalter oben bleiben, wie sie sind.',
    appPasswordsLink: 'App-Passwörter verwalten',
  },
};

export const passkeyErrorsDe: typeof passkeyErrorsEn = {
  PASSKEY_CHALLENGE_INVALID: 'Die Passkey-Anfrage ist abgelaufen. Bitte versuchen Sie es noch einmal.',
  PASSKEY_REGISTRATION_FAILED:
    'Der Passkey konnte nicht hinzugefügt werden. Ihr Gerät muss bestätigen, dass Sie es sind (Fingerabdruck, Gesicht oder PIN); bitte versuchen Sie es erneut.',
  PASSKEY_NOT_ACCEPTED:
    'Dieser Passkey wurde nicht akzeptiert. Verwenden Sie einen Passkey, den Sie diesem Konto hinzugefügt haben.',
  PASSKEY_ALREADY_REGISTERED: 'Dieses Gerät hat bereits einen Passkey für Ihr Konto.',
  PASSKEY_LIMIT_REACHED: 'Sie haben die Höchstzahl an Passkeys erreicht. Entfernen Sie zuerst einen.',
  STEP_UP_PASSKEY_REQUIRED: 'Bitte bestätigen Sie mit einem Ihrer Passkeys.',
  STAFF_PASSKEY_REQUIRED: 'Mitarbeitende müssen sich mit einem Passkey bestätigen, um das Panel zu nutzen.',
  PASSKEY_CANCELLED: 'Die Passkey-Abfrage wurde geschlossen. Versuchen Sie es erneut, wenn Sie so weit sind.',
  PASSKEY_UNAVAILABLE: 'In diesem Browser oder auf diesem Gerät können keine Passkeys verwendet werden.',
};
