import type { SecurityNoticeKind } from '@mailgate/contracts';

export type MailLanguage = 'en' | 'de';

export function mailLanguage(locale: string | null | undefined): MailLanguage {
  return locale?.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** One sentence per notice kind, with {{param}} placeholders; the mail's subject and first line. */
export const NOTICE_MAIL_SENTENCES: Record<MailLanguage, Record<SecurityNoticeKind, string>> = {
  en: {
    PROTOCOL_ENABLED: '{{protocol}} access to your mailbox was turned on',
    PROTOCOL_DISABLED: '{{protocol}} access to your mailbox was turned off',
    PROTOCOL_SETTINGS_CHANGED: 'The {{protocol}} settings of your mailbox were changed',
    PROTOCOL_ACCESS_EXPIRED: 'The time limit of your {{protocol}} access ran out',
    APP_PASSWORD_CREATED: 'A new app password “{{name}}” was created',
    APP_PASSWORD_REVOKED: 'The app password “{{name}}” was revoked',
    APP_PASSWORDS_REVOKED_ALL: 'All app passwords were revoked',
    PASSWORD_CHANGED: 'Your password was changed',
    TOTP_ENABLED: 'Two-step sign-in was turned on',
    TOTP_DISABLED: 'Two-step sign-in was turned off',
    RECOVERY_CODES_REGENERATED: 'New recovery codes were created',
    RECOVERY_CODE_USED: 'A recovery code was used to sign in',
    ACCOUNT_DISABLED: 'Your account was disabled',
    ACCOUNT_ENABLED: 'Your account was enabled again',
    SESSION_REVOKED: 'One of your sessions was signed out',
    SESSIONS_REVOKED_ALL: 'You were signed out everywhere',
    ROLE_CHANGED: 'The role of your account was changed',
    PASSWORD_RESET_LINK_CREATED: 'A one-time link to set a new password was created for you',
    PASSWORD_RESET_LINK_CANCELLED: 'A one-time link to set a new password was cancelled',
    PASSWORD_RESET: 'Your password was set with a one-time link',
    LOGIN_LOCKED: 'Mail logins to your account from new addresses are paused after many wrong passwords',
    LOGIN_LOCK_LIFTED: 'A pause on mail logins to your account was lifted',
    NEW_MAIL_DEVICE: 'A mail program logged in over {{protocol}} from a new address ({{ip}})',
    RECOVERY_ADDRESS_CHANGE_REQUESTED: 'A change of your recovery address to {{newAddress}} was requested',
    RECOVERY_ADDRESS_CONFIRMED: 'Your recovery address is now {{address}}',
    RECOVERY_ADDRESS_REMOVED: 'Your recovery address was removed',
    PASSWORD_RESET_REQUESTED: 'A link to set a new password was sent to your recovery address',
    PASSKEY_ADDED: 'A passkey “{{name}}” was added to your account',
    PASSKEY_RENAMED: 'A passkey of your account was renamed to “{{name}}”',
    PASSKEY_REMOVED: 'The passkey “{{name}}” was removed from your account',
    PASSKEY_COUNTER_REGRESSED: 'A sign-in with one of your passkeys was refused because it may have been copied',
  },
  de: {
    PROTOCOL_ENABLED: 'Der {{protocol}}-Zugriff auf Ihr Postfach wurde eingeschaltet',
    PROTOCOL_DISABLED: 'Der {{protocol}}-Zugriff auf Ihr Postfach wurde ausgeschaltet',
    PROTOCOL_SETTINGS_CHANGED: 'Die {{protocol}}-Einstellungen Ihres Postfachs wurden geändert',
    PROTOCOL_ACCESS_EXPIRED: 'Die Frist Ihres {{protocol}}-Zugriffs ist abgelaufen',
    APP_PASSWORD_CREATED: 'Ein neues App-Passwort „{{name}}“ wurde angelegt',
    APP_PASSWORD_REVOKED: 'Das App-Passwort „{{name}}“ wurde widerrufen',
    APP_PASSWORDS_REVOKED_ALL: 'Alle App-Passwörter wurden widerrufen',
    PASSWORD_CHANGED: 'Ihr Passwort wurde geändert',
    TOTP_ENABLED: 'Die Anmeldung in zwei Schritten wurde eingeschaltet',
    TOTP_DISABLED: 'Die Anmeldung in zwei Schritten wurde ausgeschaltet',
    RECOVERY_CODES_REGENERATED: 'Neue Wiederherstellungscodes wurden erzeugt',
    RECOVERY_CODE_USED: 'Zur Anmeldung wurde ein Wiederherstellungscode verwendet',
    ACCOUNT_DISABLED: 'Ihr Konto wurde gesperrt',
    ACCOUNT_ENABLED: 'Ihr Konto wurde wieder freigegeben',
    SESSION_REVOKED: 'Eine Ihrer Sitzungen wurde abgemeldet',
    SESSIONS_REVOKED_ALL: 'Sie wurden überall abgemeldet',
    ROLE_CHANGED: 'Die Rolle Ihres Kontos wurde geändert',
    PASSWORD_RESET_LINK_CREATED: 'Für Sie wurde ein einmaliger Link zum Setzen eines neuen Passworts erstellt',
    PASSWORD_RESET_LINK_CANCELLED: 'Ein einmaliger Link zum Setzen eines neuen Passworts wurde storniert',
    PASSWORD_RESET: 'Ihr Passwort wurde über einen einmaligen Link neu gesetzt',
    LOGIN_LOCKED: 'Nach vielen falschen Passwörtern sind Mail-Anmeldungen von neuen Adressen vorerst gesperrt',
    LOGIN_LOCK_LIFTED: 'Eine Sperre der Mail-Anmeldungen an Ihrem Konto wurde aufgehoben',
    NEW_MAIL_DEVICE: 'Ein E-Mail-Programm hat sich über {{protocol}} von einer neuen Adresse ({{ip}}) angemeldet',
    RECOVERY_ADDRESS_CHANGE_REQUESTED:
      'Eine Änderung Ihrer Wiederherstellungsadresse auf {{newAddress}} wurde angefordert',
    RECOVERY_ADDRESS_CONFIRMED: 'Ihre Wiederherstellungsadresse lautet jetzt {{address}}',
    RECOVERY_ADDRESS_REMOVED: 'Ihre Wiederherstellungsadresse wurde entfernt',
    PASSWORD_RESET_REQUESTED:
      'An Ihre Wiederherstellungsadresse wurde ein Link zum Setzen eines neuen Passworts geschickt',
    PASSKEY_ADDED: 'Ihrem Konto wurde ein Passkey „{{name}}“ hinzugefügt',
    PASSKEY_RENAMED: 'Ein Passkey Ihres Kontos wurde in „{{name}}“ umbenannt',
    PASSKEY_REMOVED: 'Der Passkey „{{name}}“ wurde aus Ihrem Konto entfernt',
    PASSKEY_COUNTER_REGRESSED:
      'Eine Anmeldung mit einem Ihrer Passkeys wurde abgelehnt, weil er kopiert worden sein könnte',
  },
};

/** The parts around the sentence. No links on purpose: the user opens the portal themselves. */
export const MAIL_FRAME = {
  en: {
    subjectPrefix: 'Security notice',
    greeting: 'Hello,',
    byStaff: 'This change was made by our support team. Reason given: {{reason}}',
    ifYou: 'If this was you, there is nothing to do.',
    ifNotYou:
      'If it was not you, open the Mailgate portal yourself (type its address as you always do, do not follow links in messages) and change your password.',
    noLinks: 'We never send sign-in links. A message that asks you to sign in through a link is not from us.',
    recipients: 'This message went to your mailbox {{mailbox}} and to your recovery address, if you have one.',
  },
  de: {
    subjectPrefix: 'Sicherheitshinweis',
    greeting: 'Hallo,',
    byStaff: 'Diese Änderung hat unser Support vorgenommen. Angegebener Grund: {{reason}}',
    ifYou: 'Wenn Sie das waren, müssen Sie nichts tun.',
    ifNotYou:
      'Wenn nicht, öffnen Sie das Mailgate-Portal selbst (geben Sie die Adresse wie gewohnt ein, folgen Sie keinen Links aus Nachrichten) und ändern Sie Ihr Passwort.',
    noLinks:
      'Wir verschicken nie Anmelde-Links. Eine Nachricht, die Sie per Link zur Anmeldung auffordert, stammt nicht von uns.',
    recipients:
      'Diese Nachricht ging an Ihr Postfach {{mailbox}} und, falls vorhanden, an Ihre Wiederherstellungsadresse.',
  },
} as const;

/** Mails that carry a one-time link: sent only to the recovery address the link is for. */
export const LINK_MAIL_TEXTS = {
  en: {
    RECOVERY_CONFIRM: {
      subject: 'Confirm your recovery address',
      lines: [
        'Hello,',
        'this address was entered as the recovery address of the Mailgate account {{mailbox}}.',
        'To confirm it, open this link within {{hours}} hours (it works once): {{link}}',
        'If you did not ask for this, ignore this message; nothing changes.',
      ],
    },
    PASSWORD_RESET_LINK: {
      subject: 'Set a new password for {{mailbox}}',
      lines: [
        'Hello,',
        'someone asked to set a new password for the Mailgate account {{mailbox}}.',
        'To choose a new password, open this link within {{hours}} hour(s) (it works once): {{link}}',
        'If two-step sign-in is on, you also need a code from your authenticator app or a recovery code.',
        'If you did not ask for this, ignore this message; your password stays as it is.',
      ],
    },
  },
  de: {
    RECOVERY_CONFIRM: {
      subject: 'Bestätigen Sie Ihre Wiederherstellungsadresse',
      lines: [
        'Hallo,',
        'diese Adresse wurde als Wiederherstellungsadresse des Mailgate-Kontos {{mailbox}} eingetragen.',
        'Zur Bestätigung öffnen Sie innerhalb von {{hours}} Stunden diesen Link (er gilt einmal): {{link}}',
        'Wenn Sie das nicht veranlasst haben, ignorieren Sie diese Nachricht; es ändert sich nichts.',
      ],
    },
    PASSWORD_RESET_LINK: {
      subject: 'Neues Passwort für {{mailbox}} setzen',
      lines: [
        'Hallo,',
        'für das Mailgate-Konto {{mailbox}} wurde ein neues Passwort angefordert.',
        'Um ein neues Passwort zu wählen, öffnen Sie innerhalb von {{hours}} Stunde(n) diesen Link (er gilt einmal): {{link}}',
        'Ist die Anmeldung in zwei Schritten eingeschaltet, brauchen Sie zusätzlich einen Code aus Ihrer App oder einen Wiederherstellungscode.',
        'Wenn Sie das nicht veranlasst haben, ignorieren Sie diese Nachricht; Ihr Passwort bleibt unverändert.',
      ],
    },
  },
} as const;
