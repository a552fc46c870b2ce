import { describe, expect, it } from 'vitest';
import type { MailAuthReason } from '@mailgate/contracts';
import { decide, isCredentialFailure, type CredentialCheck, type DecisionFacts } from './decision-rules.js';
import type { AppPasswordState, UserDecisionState } from './user-decision-state.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const LATER = new Date('2026-06-02T12:00:00Z');
const EARLIER = new Date('2026-05-31T12:00:00Z');

const appPassword = (overrides: Partial<AppPasswordState> = {}): AppPasswordState => ({
  id: 'ap-1',
  secretHash: 'k1:x',
  scopes: ['IMAP'],
  expiresAt: null,
  revokedAt: null,
  ...overrides,
});

const user = (overrides: Partial<UserDecisionState> = {}): UserDecisionState => ({
  userId: 'u-1',
  email: 'anna@example.test',
  passwordHash: '$argon2id$…',
  securityVersion: 1,
  disabled: false,
  totpEnabled: false,
  protocols: { IMAP: { enabled: true, enabledUntil: null, pop3KeepCopy: true } },
  appPasswords: [],
  ...overrides,
});

const PASSWORD: CredentialCheck = { valid: true, kind: 'password' };
const facts = (overrides: Partial<DecisionFacts> = {}): DecisionFacts => ({
  lock: null,
  credential: PASSWORD,
  user: user(),
  protocol: 'IMAP',
  secured: true,
  now: NOW,
  settings: {
    requireTls: true,
    allowMainPasswordWithout2fa: true,
    defaultEnabled: { IMAP: false, POP3: false, SMTP: false },
  },
  ...overrides,
});
const withSettings = (settings: Partial<DecisionFacts['settings']>) => ({ ...facts().settings, ...settings });

describe('decide: one rule per reason, in order', () => {
  it.each<[string, Partial<DecisionFacts>, string]>([
    ['everything in order', {}, 'OK'],
    ['pair lock', { lock: 'LOCKED_USER_IP' }, 'LOCKED_USER_IP'],
    ['IP lock', { lock: 'LOCKED_IP' }, 'LOCKED_IP'],
    ['account lock', { lock: 'LOCKED_ACCOUNT' }, 'LOCKED_ACCOUNT'],
    ['unknown user', { user: null, credential: { valid: false, reason: 'USER_UNKNOWN' } }, 'USER_UNKNOWN'],
    ['wrong password', { credential: { valid: false, reason: 'PASSWORD_WRONG' } }, 'PASSWORD_WRONG'],
    ['wrong app password', { credential: { valid: false, reason: 'APP_PASSWORD_WRONG' } }, 'APP_PASSWORD_WRONG'],
    ['disabled account', { user: user({ disabled: true }) }, 'ACCOUNT_DISABLED'],
    [
      'protocol off',
      { user: user({ protocols: { IMAP: { enabled: false, enabledUntil: null, pop3KeepCopy: true } } }) },
      'PROTOCOL_DISABLED',
    ],
    ['no stored choice, default off', { user: user({ protocols: {} }) }, 'PROTOCOL_DISABLED'],
    [
      'no stored choice, default on',
      {
        user: user({ protocols: {} }),
        settings: withSettings({ defaultEnabled: { IMAP: true, POP3: false, SMTP: false } }),
      },
      'OK',
    ],
    [
      'time limit passed',
      { user: user({ protocols: { IMAP: { enabled: true, enabledUntil: EARLIER, pop3KeepCopy: true } } }) },
      'PROTOCOL_EXPIRED',
    ],
    [
      'time limit ahead',
      { user: user({ protocols: { IMAP: { enabled: true, enabledUntil: LATER, pop3KeepCopy: true } } }) },
      'OK',
    ],
    ['plaintext while TLS required', { secured: false }, 'TLS_REQUIRED'],
    ['plaintext while TLS not required', { secured: false, settings: withSettings({ requireTls: false }) }, 'OK'],
    ['main password with 2FA on', { user: user({ totpEnabled: true }) }, 'MAIN_PASSWORD_NOT_ALLOWED'],
    [
      'main password forbidden by admin',
      { settings: withSettings({ allowMainPasswordWithout2fa: false }) },
      'MAIN_PASSWORD_NOT_ALLOWED',
    ],
    [
      'app password with 2FA on',
      {
        user: user({ totpEnabled: true }),
        credential: { valid: true, kind: 'app-password', appPassword: appPassword() },
      },
      'OK',
    ],
    [
      'app password out of scope',
      { credential: { valid: true, kind: 'app-password', appPassword: appPassword({ scopes: ['SMTP'] }) } },
      'APP_PASSWORD_SCOPE',
    ],
    [
      'app password expired',
      { credential: { valid: true, kind: 'app-password', appPassword: appPassword({ expiresAt: NOW }) } },
      'APP_PASSWORD_EXPIRED',
    ],
    [
      'app password revoked',
      { credential: { valid: true, kind: 'app-password', appPassword: appPassword({ revokedAt: EARLIER }) } },
      'APP_PASSWORD_REVOKED',
    ],
  ])('%s → %s', (_name, overrides, reason) => {
    const outcome = decide(facts(overrides));
    expect(outcome.reason).toBe(reason);
    expect(outcome.decision).toBe(reason === 'OK' ? 'allow' : 'deny');
  });

  it('reveals nothing about the account before the credential is valid', () => {
    const locked = user({ disabled: true, totpEnabled: true, protocols: {} });
    expect(decide(facts({ user: locked, credential: { valid: false, reason: 'PASSWORD_WRONG' } })).reason).toBe(
      'PASSWORD_WRONG',
    );
    expect(decide(facts({ user: locked, lock: 'LOCKED_USER_IP', credential: PASSWORD })).reason).toBe('LOCKED_USER_IP');
  });

  it('checks in the documented order when several rules fail', () => {
    const everythingWrong = facts({
      user: user({ disabled: true, totpEnabled: true, protocols: {} }),
      secured: false,
      credential: { valid: true, kind: 'password' },
    });
    expect(decide(everythingWrong).reason).toBe('ACCOUNT_DISABLED');
    expect(decide({ ...everythingWrong, user: user({ totpEnabled: true, protocols: {} }) }).reason).toBe(
      'PROTOCOL_DISABLED',
    );
    expect(decide({ ...everythingWrong, user: user({ totpEnabled: true }) }).reason).toBe('TLS_REQUIRED');
    const scopedAndExpired = appPassword({ scopes: ['POP3'], expiresAt: EARLIER, revokedAt: EARLIER });
    expect(
      decide(facts({ credential: { valid: true, kind: 'app-password', appPassword: scopedAndExpired } })).reason,
    ).toBe('APP_PASSWORD_SCOPE');
    // Revoked wins over expired, as on the portal's app password list.
    const revokedAndExpired = appPassword({ expiresAt: EARLIER, revokedAt: EARLIER });
    expect(
      decide(facts({ credential: { valid: true, kind: 'app-password', appPassword: revokedAndExpired } })).reason,
    ).toBe('APP_PASSWORD_REVOKED');
  });

  it('counts only wrong secrets as brute-force failures', () => {
    const failures: MailAuthReason[] = ['USER_UNKNOWN', 'PASSWORD_WRONG', 'APP_PASSWORD_WRONG'];
    const refusals: MailAuthReason[] = [
      'PROTOCOL_DISABLED',
      'APP_PASSWORD_REVOKED',
      'TLS_REQUIRED',
      'LOCKED_USER_IP',
      'OK',
    ];
    expect(failures.every((reason) => isCredentialFailure(reason))).toBe(true);
    expect(refusals.some((reason) => isCredentialFailure(reason))).toBe(false);
  });
});
