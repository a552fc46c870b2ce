import type { passwordEn, securityEn, sessionsEn, totpEn } from './security.en';

export const securityDe: typeof securityEn = {
  title: 'Sicherheit',
  intro: 'Ihr Passwort, die Zwei-Schritt-Anmeldung und die Orte, an denen Sie angemeldet sind.',
};

export const passwordDe: typeof passwordEn = {
  title: 'Passwort ändern',
  intro:
    'Eine lange Passphrase aus mehreren Wörtern, die nichts miteinander zu tun haben, ist sicher und gut zu merken. Sonderzeichen sind willkommen, aber nicht nötig.',
  current: 'Aktuelles Passwort',
  new: 'Neues Passwort',
  newHint: 'Mindestens {{min}} Zeichen, höchstens {{max}}.',
  show: 'Passwörter anzeigen',
  signOutOthers: 'Meine anderen Sitzungen abmelden',
  signOutOthersHint: 'Wer Ihr altes Passwort kennen könnte, wird überall sonst abgemeldet.',
  revokeAppPasswords: 'Auch meine App-Passwörter widerrufen',
  revokeAppPasswordsHint: 'E-Mail-Programme brauchen dann neue App-Passwörter.',
  submit: 'Passwort ändern',
  submitting: 'Wird geändert …',
  changed: 'Ihr Passwort wurde geändert.',
  changedDetail: 'Abgemeldete andere Sitzungen: {{sessions}}. Widerrufene App-Passwörter: {{appPasswords}}.',
  meter: {
    label: 'Passwortstärke',
    levels: {
      '0': 'Sehr schwach',
      '1': 'Schwach',
      '2': 'Mittel',
      '3': 'Stark',
      '4': 'Sehr stark',
    },
    checking: 'Stärke wird geprüft …',
    meetsPolicy: 'Dieses Passwort erfüllt alle Regeln.',
    problemsTitle: 'Noch nicht akzeptiert:',
  },
  problems: {
    PASSWORD_TOO_SHORT: 'Verwenden Sie mindestens {{min}} Zeichen (derzeit {{length}}).',
    PASSWORD_TOO_LONG: 'Verwenden Sie höchstens {{max}} Zeichen (derzeit {{length}}).',
    PASSWORD_BLOCKLISTED: 'Dieses Passwort steht auf einer Liste häufig verwendeter oder geleakter Passwörter.',
    PASSWORD_CONTAINS_CONTEXT:
      'Bauen Sie es nicht aus Ihrer E-Mail-Adresse, Ihrem Namen oder dem Namen dieses Dienstes.',
    PASSWORD_TOO_WEAK: 'Es ist zu leicht zu erraten. Fügen Sie weitere, unabhängige Wörter hinzu.',
  },
};

export const totpDe: typeof totpEn = {
  title: 'Zwei-Schritt-Anmeldung',
  intro:
    'Bei der Zwei-Schritt-Anmeldung geben Sie nach dem Passwort einen Code aus einer Authenticator-App auf Ihrem Smartphone ein. Ein gestohlenes Passwort allein reicht dann nicht, um in Ihr Konto zu gelangen.',
  statusOn: 'An seit {{date}}.',
  statusOff: 'Aus.',
  recoveryLeft_one: 'Noch {{count}} Wiederherstellungscode.',
  recoveryLeft_other: 'Noch {{count}} Wiederherstellungscodes.',
  mailProgramsHint:
    'Solange sie aktiv ist, brauchen E-Mail-Programme App-Passwörter: Ihr Kontopasswort funktioniert dort nicht mehr.',
  enable: 'Zwei-Schritt-Anmeldung einrichten',
  starting: 'Wird gestartet …',
  disable: 'Zwei-Schritt-Anmeldung ausschalten',
  regenerate: 'Neue Wiederherstellungscodes erstellen',
  regenerating: 'Wird erstellt …',
  enabled: 'Die Zwei-Schritt-Anmeldung ist jetzt aktiv.',
  disabled: 'Die Zwei-Schritt-Anmeldung ist jetzt ausgeschaltet.',
  confirmDisable: {
    title: 'Zwei-Schritt-Anmeldung ausschalten?',
    body: 'Ihr Konto ist dann nur noch durch Ihr Passwort geschützt. Ihre Wiederherstellungscodes werden ungültig.',
    confirm: 'Ausschalten',
    pending: 'Wird ausgeschaltet …',
  },
  confirmRegenerate: {
    title: 'Neue Wiederherstellungscodes erstellen?',
    body: 'Ihre bisherigen Wiederherstellungscodes werden sofort ungültig.',
    confirm: 'Neue Codes erstellen',
  },
  enroll: {
    title: 'Zwei-Schritt-Anmeldung einrichten',
    step1:
      '1. Scannen Sie diesen QR-Code mit einer Authenticator-App (zum Beispiel Aegis, FreeOTP, Google Authenticator oder 1Password).',
    qrAlt: 'QR-Code, um Mailgate zu Ihrer Authenticator-App hinzuzufügen',
    qrFailed: 'Der QR-Code konnte nicht gezeichnet werden. Verwenden Sie stattdessen den Schlüssel unten.',
    step2: '2. Oder tippen Sie diesen Schlüssel in die App ein:',
    manualKey: 'Einrichtungsschlüssel',
    copyKey: 'Einrichtungsschlüssel kopieren',
    step3: '3. Geben Sie den 6-stelligen Code ein, den die App jetzt anzeigt:',
    code: 'Code aus der App',
    confirm: 'Einschalten',
    confirming: 'Wird eingeschaltet …',
  },
  recovery: {
    title: 'Wiederherstellungscodes speichern',
    intro:
      'Falls Sie Ihr Smartphone verlieren, können Sie sich mit jedem dieser Codes einmal statt mit einem App-Code anmelden. Bewahren Sie sie sicher auf, etwa in einem Passwortmanager oder auf Papier. Sie werden nicht noch einmal angezeigt.',
    listLabel: 'Wiederherstellungscodes',
    copy: 'Codes kopieren',
    download: 'Als Textdatei herunterladen',
    fileName: 'mailgate-wiederherstellungscodes.txt',
    fileHeader: 'Mailgate-Wiederherstellungscodes für {{email}} (jeder gilt einmal):',
    saved: 'Ich habe sie gespeichert',
  },
};

export const sessionsDe: typeof sessionsEn = {
  title: 'Wo Sie angemeldet sind',
  intro: 'Sitzungen in Webbrowsern. Melden Sie alle ab, die Sie nicht kennen, und ändern Sie Ihr Passwort.',
  thisDevice: 'Dieses Gerät',
  unknownDevice: 'Unbekannter Browser',
  detail: 'Angemeldet {{created}} · zuletzt aktiv {{lastSeen}}',
  ip: 'IP-Adresse {{ip}}',
  signOut: 'Abmelden',
  signOutOthers: 'Überall sonst abmelden',
  signingOut: 'Abmeldung läuft …',
  signedOutOne: 'Diese Sitzung wurde abgemeldet.',
  signedOutOthers_one: '{{count}} andere Sitzung wurde abgemeldet.',
  signedOutOthers_other: '{{count}} andere Sitzungen wurden abgemeldet.',
  onlyThis: 'Sie sind nirgendwo sonst angemeldet.',
  listLabel: 'Aktive Sitzungen',
};
