import { passkeyErrorsDe, passkeysDe } from './messages/passkeys.de';
import { staffErrorsDe } from './messages/staff-errors.de';
import type { PortalMessages } from './en';
import { activityDe, noticesDe } from './messages/activity.de';
import { appPasswordsDe } from './messages/app-passwords.de';
import { commonDe } from './messages/common.de';
import { resetPageDe } from './messages/password-reset.de';
import { portalErrorsDe } from './messages/portal-errors.de';
import { protocolsDe } from './messages/protocols.de';
import { guidesDe } from './messages/setup-guides.de';
import { passwordDe, securityDe, sessionsDe, totpDe } from './messages/security.de';
import { recoveryDe } from './messages/recovery.de';
import { resetLinksDe } from './messages/reset-links.de';
import { mailSetupDe } from './messages/mail-setup.de';
import { signInDe, stepUpDe } from './messages/sign-in.de';

export const de: PortalMessages = {
  app: {
    name: 'Mailgate',
    skipToContent: 'Zum Hauptinhalt springen',
  },
  nav: {
    label: 'Hauptmenü',
    mailPrograms: 'E-Mail-Programme',
    appPasswords: 'App-Passwörter',
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
  // The portal's pages keep their texts in ./messages (one file per area, both languages).
  common: commonDe,
  signIn: signInDe,
  stepUp: stepUpDe,
  protocols: protocolsDe,
  guides: guidesDe,
  appPasswords: appPasswordsDe,
  security: securityDe,
  password: passwordDe,
  totp: totpDe,
  passkeys: passkeysDe,
  sessions: sessionsDe,
  resetLinks: resetLinksDe,
  mailSetup: mailSetupDe,
  recovery: recoveryDe,
  activity: activityDe,
  notices: noticesDe,
  resetPage: resetPageDe,
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
    ...portalErrorsDe,
    ...passkeyErrorsDe,
    ...staffErrorsDe,
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
  },
};
