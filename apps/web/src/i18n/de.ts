import { adminDe } from '../pages/Admin/i18n/admin.de';
import type { Messages } from './en';

export const de: Messages = {
  app: {
    name: 'Mailgate',
    skipToContent: 'Zum Hauptinhalt springen',
  },
  nav: {
    label: 'Hauptmenü',
    mailPrograms: 'E-Mail-Programme',
    security: 'Sicherheit',
    activity: 'Aktivität',
    admin: 'Verwaltung',
  },
  language: {
    label: 'Sprache',
  },
  footer: {
    copyright: 'Mailgate Kontoportal',
    serviceStatus: 'Dienststatus',
    statusOk: 'Alles in Ordnung',
    statusChecking: 'Wird geprüft …',
    statusDown: 'Nicht erreichbar',
  },
  signIn: {
    title: 'Anmelden',
    intro: 'Melden Sie sich mit Ihrer E-Mail-Adresse und dem Passwort Ihres Postfachs an, um Ihr Konto zu verwalten.',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Anmelden',
    submitting: 'Anmeldung läuft …',
    notAvailable: 'Die Anmeldung ist noch nicht verfügbar. Bitte versuchen Sie es später erneut.',
  },
  home: {
    title: 'E-Mail-Programme',
    intro:
      'Legen Sie fest, welche Protokolle Ihre E-Mail-Programme nutzen dürfen, und erstellen Sie eigene Passwörter für Apps ohne Zwei-Schritt-Anmeldung.',
    protocolsHeading: 'Protokollzugriff',
    protocolsPlaceholder: 'Hier erscheinen die IMAP-, POP3- und SMTP-Einstellungen Ihres Kontos.',
    appPasswordsHeading: 'App-Passwörter',
    appPasswordsPlaceholder: 'Hier werden die Passwörter für einzelne E-Mail-Programme aufgelistet.',
  },
  security: {
    title: 'Sicherheit',
    placeholder: 'Hier erscheinen die Einstellungen für Passwort und Zwei-Schritt-Anmeldung.',
  },
  activity: {
    title: 'Aktivität',
    placeholder: 'Hier werden die letzten Anmeldungen an Ihrem Konto und in Ihren E-Mail-Programmen aufgelistet.',
  },
  admin: adminDe,
  notFound: {
    title: 'Seite nicht gefunden',
    body: 'Vielleicht enthält die Adresse einen Tippfehler, oder die Seite wurde verschoben.',
    home: 'Zur Startseite',
  },
  routeError: {
    title: 'Etwas ist schiefgelaufen',
    body: 'Diese Seite konnte nicht angezeigt werden. Laden Sie die Seite neu oder versuchen Sie es gleich noch einmal.',
    home: 'Zur Startseite',
  },
  errors: {
    VALIDATION_FAILED: 'Einige Angaben fehlen oder sind ungültig. Bitte prüfen Sie sie und versuchen Sie es erneut.',
    MALFORMED_JSON:
      'Die Anfrage konnte nicht gelesen werden. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
    INVALID_ENCODING: 'Die Anfrage enthielt Zeichen, die nicht gelesen werden konnten. Bitte prüfen Sie Ihre Angaben.',
    PAYLOAD_TOO_LARGE: 'Das sind mehr Daten, als wir auf einmal annehmen können.',
    UNSUPPORTED_MEDIA_TYPE:
      'Die Anfrage konnte nicht gelesen werden. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
    NOT_FOUND: 'Das Gesuchte wurde nicht gefunden.',
    UNAUTHENTICATED: 'Bitte melden Sie sich an, um fortzufahren.',
    FORBIDDEN: 'Dazu fehlt Ihnen die Berechtigung.',
    CSRF_CHECK_FAILED:
      'Zu Ihrem Schutz wurde die Anfrage abgelehnt. Bitte laden Sie die Seite neu und versuchen Sie es erneut.',
    RATE_LIMITED: 'Zu viele Versuche. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
    INTERNAL_ERROR: 'Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
    SERVICE_UNAVAILABLE: 'Der Dienst ist kurzzeitig nicht verfügbar. Bitte versuchen Sie es in einigen Minuten erneut.',
    NETWORK_ERROR: 'Der Dienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    UNEXPECTED_RESPONSE: 'Der Dienst hat unerwartet geantwortet. Bitte versuchen Sie es später erneut.',
    UNKNOWN: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    SESSION_EXPIRED: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    STEP_UP_REQUIRED:
      'Bitte bestätigen Sie zuerst, dass Sie es sind: Melden Sie sich erneut an und wiederholen Sie dann die Aktion.',
    STAFF_TOTP_REQUIRED: 'Mitarbeiterkonten müssen zuerst die Zwei-Schritt-Anmeldung einrichten.',
    ACCOUNT_DISABLED: 'Dieses Konto ist gesperrt. Bitte wenden Sie sich an den Support.',
    USER_NOT_FOUND: 'Dieses Konto gibt es nicht.',
    ITEM_NOT_FOUND:
      'Diesen Eintrag gibt es nicht mehr, oder er gehört zu einem anderen Konto. Die Seite wurde aktualisiert.',
    LAST_ADMIN: 'Das ist das letzte Administrationskonto; es kann weder herabgestuft noch gesperrt werden.',
    SELF_ACTION_REFUSED: 'Das können Sie in der Verwaltung nicht mit Ihrem eigenen Konto tun.',
    NO_CHANGE: 'Das Konto ist bereits in diesem Zustand.',
    SEARCH_TERM_TOO_SHORT: 'Für die Suche innerhalb von Adressen und Namen braucht es mindestens 3 Zeichen.',
    INVALID_CURSOR: 'Diese Ergebnisseite ist nicht mehr gültig. Bitte suchen Sie erneut.',
    SERVICE_TOKEN_NAME_TAKEN: 'Ein Token mit diesem Namen gibt es schon. Wählen Sie einen anderen Namen.',
    SERVICE_TOKEN_NOT_FOUND: 'Dieses Token gibt es nicht oder es wurde bereits widerrufen.',
    RESET_LINK_INVALID:
      'Dieser Link zum Zurücksetzen ist ungültig oder abgelaufen. Bitten Sie den Support um einen neuen.',
    RESET_PASSWORD_REJECTED: 'Das neue Passwort erfüllt die Passwortrichtlinie nicht.',
  },
};
