import type { recoveryEn } from './recovery.en';

export const recoveryDe: typeof recoveryEn = {
  title: 'Wiederherstellungsadresse',
  intro:
    'Eine Adresse bei einem anderen Anbieter, an die wir Ihnen einen Link für ein neues Passwort schicken, falls Sie es vergessen. Auch Sicherheitshinweise gehen dorthin.',
  none: 'Sie haben noch keine Wiederherstellungsadresse. Ohne sie kann Ihnen nur der Support zurück ins Konto helfen.',
  current: 'Ihre Wiederherstellungsadresse: {{address}}',
  confirmedAt: 'Bestätigt am {{date}}.',
  pending:
    'Bestätigung ausstehend: {{address}} (Link gültig bis {{until}}). Öffnen Sie die Nachricht, die wir dorthin geschickt haben.',
  email: 'Wiederherstellungsadresse',
  emailHint: 'Nicht Ihr Mailgate-Postfach. Wir schicken zuerst einen Bestätigungslink dorthin.',
  save: 'Bestätigungslink senden',
  change: 'Adresse ändern',
  remove: 'Wiederherstellungsadresse entfernen',
  sent: 'Wir haben einen Bestätigungslink an {{address}} geschickt.',
  removed: 'Die Wiederherstellungsadresse wurde entfernt.',
  confirmTitle: 'Wiederherstellungsadresse bestätigen',
  confirming: 'Wird bestätigt …',
  confirmed: 'Erledigt: {{address}} ist jetzt Ihre Wiederherstellungsadresse.',
  confirmNoToken:
    'Diese Seite braucht den vollständigen Link aus der Nachricht. Kopieren Sie den ganzen Link in die Adresszeile.',
  goHome: 'Zu Ihrem Konto',
  forgotLink: 'Passwort vergessen?',
  forgotTitle: 'Passwort vergessen',
  forgotIntro:
    'Geben Sie die Adresse Ihres Mailgate-Postfachs ein. Hat es eine bestätigte Wiederherstellungsadresse, schicken wir einen Einmal-Link dorthin.',
  forgotEmail: 'Ihre Mailgate-Adresse',
  forgotSubmit: 'Link senden',
  forgotDone:
    'Falls dieses Postfach eine bestätigte Wiederherstellungsadresse hat, ist ein Link dorthin unterwegs. Er gilt einmal und eine Stunde lang. Keine Wiederherstellungsadresse? Wenden Sie sich bitte an den Support.',
  backToSignIn: 'Zurück zur Anmeldung',
  resetSecondFactor:
    'Für dieses Konto ist die Anmeldung in zwei Schritten eingeschaltet. Geben Sie einen Code aus Ihrer App oder einen Wiederherstellungscode ein.',
  resetCode: 'Bestätigungscode',
  resetRecoveryCode: 'Wiederherstellungscode',
  useRecoveryCode: 'Stattdessen einen Wiederherstellungscode verwenden',
  useAuthenticator: 'Stattdessen einen Code aus der App verwenden',
};
