import {
  AdminErrors,
  AppPasswordsErrors,
  AuthErrors,
  AuthLocksErrors,
  CommonErrors,
  MAIL_AUTH_REASONS,
  MailSetupErrors,
  PasskeyErrors,
  PasswordErrors,
  ProtocolAccessErrors,
  RecoveryErrors,
  SECURITY_NOTICE_KINDS,
  ServiceTokensErrors,
  SessionErrors,
  TotpErrors,
} from '@mailgate/contracts';
import { PASSWORD_PROBLEMS } from '@mailgate/password-policy';
import { describe, expect, it } from 'vitest';
import { staffDe } from './messages/staff.de';
import { staffEn } from './messages/staff.en';
import { de } from './de';
import { en } from './en';

// The compile-time checks cover keys; these check that every code the server can send has a real,
// non-empty text in both languages, and that German is not English left untranslated.
// The staff panel's texts load with the panel; here they sit beside the portal's, as at run time.
const catalogues = { en: { ...en, admin: staffEn }, de: { ...de, admin: staffDe } };

describe('translations cover every code', () => {
  it('has an error message for every error code of the portal and staff-panel API', () => {
    const codes = [
      CommonErrors,
      SessionErrors,
      AuthErrors,
      TotpErrors,
      PasswordErrors,
      ProtocolAccessErrors,
      AppPasswordsErrors,
      AdminErrors,
      ServiceTokensErrors,
      AuthLocksErrors,
      MailSetupErrors,
      RecoveryErrors,
      PasskeyErrors,
    ].flatMap((catalogue) => Object.keys(catalogue));
    for (const [language, messages] of Object.entries(catalogues)) {
      for (const code of codes) {
        expect(messages.errors[code as keyof typeof messages.errors], `${language} errors.${code}`).toMatch(/\S/);
      }
    }
  });

  it('explains every mail login reason in plain language', () => {
    for (const messages of Object.values(catalogues)) {
      for (const reason of MAIL_AUTH_REASONS) expect(messages.activity.reasons[reason]).toMatch(/\S/);
      // The staff panel's login diagnosis explains every refusal, with a hint for support.
      for (const reason of MAIL_AUTH_REASONS.filter((code) => code !== 'OK')) {
        expect(messages.admin.diagnosis.reasons[reason]).toMatch(/\S/);
        expect(messages.admin.diagnosis.hints[reason]).toMatch(/\S/);
      }
    }
  });

  it('words every security notice kind', () => {
    for (const messages of Object.values(catalogues)) {
      for (const kind of SECURITY_NOTICE_KINDS) expect(messages.notices.kinds[kind]).toMatch(/\S/);
    }
  });

  it('words every password problem for the live meter', () => {
    for (const messages of Object.values(catalogues)) {
      for (const problem of PASSWORD_PROBLEMS) expect(messages.password.problems[problem]).toMatch(/\S/);
    }
  });

  it('translates the help texts (German differs from English)', () => {
    for (const protocol of ['IMAP', 'POP3', 'SMTP'] as const) {
      expect(de.protocols[protocol].short).not.toBe(en.protocols[protocol].short);
      expect(de.protocols[protocol].long).toHaveLength(en.protocols[protocol].long.length);
    }
    expect(de.protocols.whyOff.body).not.toBe(en.protocols.whyOff.body);
    for (const program of ['thunderbird', 'outlook', 'appleMail', 'phone'] as const) {
      expect(de.guides.steps[program].steps).toHaveLength(en.guides.steps[program].steps.length);
      expect(de.guides.steps[program].steps[0]).not.toBe(en.guides.steps[program].steps[0]);
    }
    expect(de.guides.sharedPassword.body).not.toBe(en.guides.sharedPassword.body);
  });
});
