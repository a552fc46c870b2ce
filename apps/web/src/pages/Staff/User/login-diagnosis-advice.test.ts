import { MAIL_AUTH_REASONS } from '@mailgate/contracts/values';
import { describe, expect, it } from 'vitest';
import { staffDe } from '../../../i18n/messages/staff.de';
import { staffEn } from '../../../i18n/messages/staff.en';

/** Every cause the diagnosis can name: mail-auth's refusals and a code it does not know yet. */
const CAUSES = [...MAIL_AUTH_REASONS.filter((reason) => reason !== 'OK'), 'UNKNOWN'] as const;

describe('login-diagnosis advice', () => {
  it('gives every cause advice of its own, in both languages', () => {
    for (const catalogue of [staffEn, staffDe]) {
      const hints = catalogue.diagnosis.hints as Record<string, string>;
      for (const cause of CAUSES) expect(hints[cause]?.trim(), cause).toBeTruthy();
      const texts = CAUSES.map((cause) => hints[cause]);
      expect(new Set(texts).size, 'two causes share the same advice').toBe(texts.length);
    }
  });

  it('does not tell support to simply lift a lock that points to guessing', () => {
    // An account lock (guessing from unknown addresses) and an IP lock (failures across accounts)
    // protect the user; lifting one is the exception, said with its condition.
    expect(staffEn.diagnosis.hints.LOCKED_ACCOUNT).toMatch(/new password/);
    expect(staffEn.diagnosis.hints.LOCKED_ACCOUNT).toMatch(/only if/);
    expect(staffEn.diagnosis.hints.LOCKED_IP).toMatch(/only if/);
    expect(staffDe.diagnosis.hints.LOCKED_ACCOUNT).toMatch(/neues Passwort/);
    expect(staffDe.diagnosis.hints.LOCKED_IP).toMatch(/nur auf, wenn/);
  });
});
