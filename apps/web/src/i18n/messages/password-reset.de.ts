import type { resetPageEn } from './password-reset.en';

// Die Seite hinter einem Link zum Zurücksetzen des Passworts vom Support.
export const resetPageDe: typeof resetPageEn = {
  title: 'Neues Passwort wählen',
  intro: 'Dieser Link funktioniert einmal und nur kurze Zeit. Wählen Sie ein neues Passwort für Ihr Konto.',
  noToken:
    'Diese Seite braucht den vollständigen Link, den Sie erhalten haben. Kopieren Sie den ganzen Link in die Adresszeile, oder bitten Sie den Support um einen neuen.',
  newPassword: 'Neues Passwort',
  hint: 'Lang ist stark: Mehrere Wörter ohne Zusammenhang eignen sich gut. Bauen Sie es nicht auf Ihrem Namen oder Ihrer E-Mail-Adresse auf.',
  repeat: 'Neues Passwort wiederholen',
  mismatch: 'Die beiden Passwörter stimmen nicht überein.',
  submit: 'Neues Passwort festlegen',
  submitting: 'Passwort wird festgelegt…',
  done: 'Ihr Passwort wurde geändert. Sie wurden überall abgemeldet; E-Mail-Programme brauchen das neue Passwort (oder ein App-Passwort).',
  signIn: 'Anmelden',
};
