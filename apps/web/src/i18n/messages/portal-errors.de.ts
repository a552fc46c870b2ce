import type { portalErrorsEn } from './portal-errors.en';

export const portalErrorsDe: typeof portalErrorsEn = {
  SESSION_EXPIRED: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  STEP_UP_REQUIRED: 'Bitte bestätigen Sie vor dieser Änderung, dass Sie es sind.',
  STAFF_TOTP_REQUIRED: 'Konten von Mitarbeitenden müssen zuerst die Zwei-Schritt-Anmeldung einrichten.',
  ACCOUNT_DISABLED: 'Dieses Konto ist gesperrt. Bitte wenden Sie sich an den Support.',
  INVALID_CREDENTIALS: 'Die E-Mail-Adresse oder das Passwort ist nicht korrekt.',
  SIGN_IN_PENDING_EXPIRED: 'Die Anmeldung hat zu lange gedauert. Bitte beginnen Sie von vorn.',
  TOTP_CODE_INVALID:
    'Dieser Code ist nicht korrekt oder wurde schon verwendet. Warten Sie auf den nächsten Code und versuchen Sie es erneut.',
  RECOVERY_CODE_INVALID: 'Dieser Wiederherstellungscode ist nicht korrekt oder wurde schon verwendet.',
  STEP_UP_FAILED: 'Das hat nicht gepasst. Bitte versuchen Sie es erneut.',
  STEP_UP_TOTP_REQUIRED: 'Die Zwei-Schritt-Anmeldung ist aktiv: Bitte bestätigen Sie mit einem Code aus Ihrer App.',
  STEP_UP_PASSWORD_REQUIRED: 'Bitte bestätigen Sie mit Ihrem Passwort.',
  TOTP_ALREADY_ENABLED: 'Die Zwei-Schritt-Anmeldung ist bereits aktiv.',
  TOTP_NOT_ENABLED: 'Die Zwei-Schritt-Anmeldung ist nicht aktiv.',
  TOTP_ENROLLMENT_NOT_STARTED:
    'Die Einrichtung ist abgelaufen. Bitte beginnen Sie die Einrichtung der Zwei-Schritt-Anmeldung erneut.',
  TOTP_ENROLLMENT_CODE_INVALID:
    'Dieser Code ist nicht korrekt. Prüfen Sie, ob die Uhrzeit Ihres Smartphones stimmt, und verwenden Sie den neuesten Code.',
  PASSWORD_TOO_LONG: 'Das neue Passwort ist zu lang.',
  PASSWORD_TOO_SHORT: 'Das neue Passwort ist zu kurz.',
  PASSWORD_BLOCKLISTED: 'Das neue Passwort steht auf einer Liste häufig verwendeter oder geleakter Passwörter.',
  PASSWORD_CONTAINS_CONTEXT:
    'Das neue Passwort enthält Ihre E-Mail-Adresse, Ihren Namen oder den Namen dieses Dienstes.',
  PASSWORD_TOO_WEAK: 'Das neue Passwort ist zu leicht zu erraten.',
  CURRENT_PASSWORD_WRONG: 'Das aktuelle Passwort ist nicht korrekt.',
  PASSWORD_UNCHANGED: 'Das neue Passwort muss sich vom aktuellen unterscheiden.',
  POP3_KEEP_COPY_ONLY_FOR_POP3: 'Die Option „Kopie auf dem Server behalten“ gilt nur für POP3.',
  NO_LIMIT_TO_KEEP:
    'Dieser Zugang ist nicht mehr eingeschaltet (vielleicht ist seine Frist gerade abgelaufen). Schalten Sie ihn wieder ein und wählen Sie, wie lange.',
  RECOVERY_ADDRESS_IS_MAILBOX:
    'Wählen Sie eine Adresse bei einem anderen Anbieter: Ihr eigenes Postfach hilft Ihnen nicht zurück ins Konto.',
  RECOVERY_ADDRESS_UNCHANGED: 'Das ist bereits Ihre Wiederherstellungsadresse.',
  RECOVERY_ADDRESS_NOT_SET: 'Sie haben keine Wiederherstellungsadresse.',
  RECOVERY_LINK_INVALID:
    'Dieser Bestätigungslink funktioniert nicht mehr. Geben Sie die Adresse erneut ein, um einen neuen zu erhalten.',
  SECOND_FACTOR_REQUIRED:
    'Die Anmeldung in zwei Schritten ist eingeschaltet: Geben Sie zusätzlich einen Code aus Ihrer App oder einen Wiederherstellungscode ein.',
  NO_RECOVERY_ADDRESS:
    'Dieses Konto hat keine bestätigte Wiederherstellungsadresse. Nur ein Administrator kann einen Link zur Übergabe erstellen.',
  RECOVERY_ADDRESS_EXISTS: 'Dieses Konto hat eine bestätigte Wiederherstellungsadresse: Schicken Sie den Link dorthin.',
  APP_PASSWORD_LIMIT_REACHED:
    'Sie haben die Höchstzahl an App-Passwörtern erreicht. Widerrufen Sie zuerst eines, das Sie nicht mehr brauchen.',
  MAIL_DOMAIN_NOT_SERVED: 'Diese Maildomain wird von diesem Anbieter nicht betreut.',
  AUTODISCOVER_REQUEST_INVALID: 'Das Mailprogramm hat eine Anfrage gesendet, die wir nicht lesen konnten.',
  HANDOFF_INVALID:
    'Dieser Einrichtungslink gilt nicht mehr: Er wurde schon benutzt, ist abgelaufen oder gehört zu einem anderen Konto. Erstellen Sie auf dem Computer einen neuen QR-Code.',
};
