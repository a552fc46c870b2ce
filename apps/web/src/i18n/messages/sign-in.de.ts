import type { signInEn, stepUpEn } from './sign-in.en';

export const signInDe: typeof signInEn = {
  title: 'Anmelden',
  intro: 'Melden Sie sich mit Ihrer E-Mail-Adresse und dem Passwort Ihres Postfachs an, um Ihr Konto zu verwalten.',
  email: 'E-Mail-Adresse',
  password: 'Passwort',
  submit: 'Anmelden',
  submitting: 'Anmeldung läuft …',
  sessionEnded: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  signedOut: 'Sie wurden abgemeldet.',
  secondStepTitle: 'Zwei-Schritt-Anmeldung',
  secondStepIntro:
    'Öffnen Sie Ihre Authenticator-App und geben Sie den 6-stelligen Code ein, den sie für Mailgate anzeigt.',
  code: 'Bestätigungscode',
  codeHint: '6 Ziffern; Leerzeichen sind erlaubt.',
  recoveryIntro:
    'Geben Sie einen der Wiederherstellungscodes ein, die Sie beim Einrichten der Zwei-Schritt-Anmeldung gespeichert haben. Jeder Code funktioniert nur einmal.',
  recoveryCode: 'Wiederherstellungscode',
  verify: 'Weiter',
  verifying: 'Wird geprüft …',
  useRecoveryCode: 'Stattdessen einen Wiederherstellungscode verwenden',
  useAuthenticator: 'Stattdessen einen Code aus der App verwenden',
  startOver: 'Von vorn beginnen',
  recoveryCodesLeft_one:
    'Mit einem Wiederherstellungscode angemeldet. Sie haben noch {{count}} Code: Erstellen Sie unter „Sicherheit“ neue.',
  recoveryCodesLeft_other:
    'Mit einem Wiederherstellungscode angemeldet. Sie haben noch {{count}} Codes: Erstellen Sie unter „Sicherheit“ neue, wenn sie knapp werden.',
};

export const stepUpDe: typeof stepUpEn = {
  title: 'Bestätigen Sie, dass Sie es sind',
  passwordIntro: 'Diese Änderung betrifft den Zugang zu Ihrem Konto. Bitte geben Sie Ihr Passwort noch einmal ein.',
  totpIntro:
    'Diese Änderung betrifft den Zugang zu Ihrem Konto. Bitte geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.',
  password: 'Ihr Passwort',
  code: 'Bestätigungscode',
  submit: 'Bestätigen',
  submitting: 'Wird bestätigt …',
};
