import { describe, expect, it } from 'vitest';
import {
  ZAppPasswordName,
  ZPasskeyName,
  ZServiceTokenName,
  ZStaffReason,
  ZTotpCode,
  ZUpdateGlobalSettingsRequest,
  ZUpdatePasswordPolicyRequest,
} from './index.js';
import {
  APP_PASSWORD_NAME_MAX,
  PASSKEY_NAME_MAX,
  PASSWORD_POLICY_BOUNDS,
  RETENTION_DAYS_BOUNDS,
  SERVICE_TOKEN_NAME_MAX,
  STAFF_REASON_MAX,
  TOTP_CODE_INPUT_MAX,
} from './values.js';

// The forms show the bounds of values.ts; these check the schemas enforce exactly those numbers.
describe('the schemas enforce the bounds the forms show', () => {
  it('text lengths', () => {
    const cases = [
      [ZStaffReason, STAFF_REASON_MAX],
      [ZAppPasswordName, APP_PASSWORD_NAME_MAX],
      [ZPasskeyName, PASSKEY_NAME_MAX],
      [ZServiceTokenName, SERVICE_TOKEN_NAME_MAX],
    ] as const;
    for (const [schema, max] of cases) {
      expect(schema.safeParse('a'.repeat(max)).success).toBe(true);
      expect(schema.safeParse('a'.repeat(max + 1)).success).toBe(false);
    }
    expect(ZTotpCode.safeParse(`123 456${' '.repeat(TOTP_CODE_INPUT_MAX - 7)}`).success).toBe(true);
    expect(ZTotpCode.safeParse(`123 456${' '.repeat(TOTP_CODE_INPUT_MAX - 6)}`).success).toBe(false);
  });

  it('the service token name pattern', () => {
    expect(ZServiceTokenName.safeParse('imap-1.example').success).toBe(true);
    for (const name of ['Imap-1', 'imap_1', '-imap', '']) expect(ZServiceTokenName.safeParse(name).success).toBe(false);
  });

  it('the password policy and retention ranges', () => {
    const policy = {
      minLength: 12,
      maxLength: 128,
      minScore: 3,
      blocklistEnabled: true,
      contextWords: [],
      reason: 'r',
    };
    const accepts = (change: object) => ZUpdatePasswordPolicyRequest.safeParse({ ...policy, ...change }).success;
    for (const field of ['minLength', 'maxLength', 'minScore'] as const) {
      const { min, max } = PASSWORD_POLICY_BOUNDS[field];
      expect([min - 1, min, max, max + 1].map((value) => accepts({ [field]: value }))).toEqual([
        false,
        true,
        true,
        false,
      ]);
    }
    const word = PASSWORD_POLICY_BOUNDS.contextWordLength;
    expect(accepts({ contextWords: ['a'.repeat(word.min)] })).toBe(true);
    expect(accepts({ contextWords: ['a'.repeat(word.min - 1)] })).toBe(false);
    expect(accepts({ contextWords: ['a'.repeat(word.max + 1)] })).toBe(false);
    const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`);
    expect(accepts({ contextWords: words(PASSWORD_POLICY_BOUNDS.contextWordsMax) })).toBe(true);
    expect(accepts({ contextWords: words(PASSWORD_POLICY_BOUNDS.contextWordsMax + 1) })).toBe(false);

    const settings = {
      defaultImapEnabled: false,
      defaultPop3Enabled: false,
      defaultSmtpEnabled: false,
      requireTlsForProtocols: true,
      allowMainPasswordWithout2fa: false,
      loginAttemptRetentionDays: 90,
      auditRetentionDays: 365,
      reason: 'r',
    };
    for (const field of ['loginAttemptRetentionDays', 'auditRetentionDays'] as const) {
      const { min, max } = RETENTION_DAYS_BOUNDS[field];
      const accepted = [min - 1, min, max, max + 1].map(
        (value) => ZUpdateGlobalSettingsRequest.safeParse({ ...settings, [field]: value }).success,
      );
      expect(accepted).toEqual([false, true, true, false]);
    }
  });
});
