import { describe, expect, it } from 'vitest';
import {
  accessDurationToUntil,
  isEffectivelyEnabled,
  mainPasswordBlockedBy,
  toProtocolAccessView,
} from './protocol-access.view.js';

const allOff = { defaultImapEnabled: false, defaultPop3Enabled: false, defaultSmtpEnabled: false };
const now = new Date('2026-05-01T12:00:00Z');

describe('protocol access view', () => {
  it('treats a missing row as the global default, keeping a POP3 copy by default', () => {
    expect(toProtocolAccessView('IMAP', null, allOff, now)).toEqual({
      protocol: 'IMAP',
      enabled: false,
      effectiveEnabled: false,
      enabledAt: null,
      enabledUntil: null,
      pop3KeepCopy: null,
      isDefault: true,
    });
    const pop3 = toProtocolAccessView('POP3', null, { ...allOff, defaultPop3Enabled: true }, now);
    expect(pop3).toMatchObject({ enabled: true, effectiveEnabled: true, pop3KeepCopy: true, isDefault: true });
    expect(toProtocolAccessView('SMTP', null, { ...allOff, defaultSmtpEnabled: true }, now).enabled).toBe(true);
    expect(toProtocolAccessView('IMAP', null, { ...allOff, defaultSmtpEnabled: true }, now).enabled).toBe(false);
  });

  it('counts time-limited access as off from the instant it ends', () => {
    const until = new Date(now.getTime() + 1000);
    expect(isEffectivelyEnabled({ enabled: true, enabledUntil: until }, now)).toBe(true);
    expect(isEffectivelyEnabled({ enabled: true, enabledUntil: until }, until)).toBe(false);
    expect(isEffectivelyEnabled({ enabled: true, enabledUntil: null }, now)).toBe(true);
    expect(isEffectivelyEnabled({ enabled: false, enabledUntil: null }, now)).toBe(false);
    const row = { protocol: 'IMAP' as const, enabled: true, enabledAt: now, enabledUntil: until, pop3KeepCopy: true };
    const view = toProtocolAccessView('IMAP', row, allOff, new Date(until.getTime() + 1));
    expect(view).toMatchObject({ enabled: true, effectiveEnabled: false, enabledUntil: until.toISOString() });
  });

  it('turns durations into end times', () => {
    expect(accessDurationToUntil('unlimited', now)).toBeNull();
    expect(accessDurationToUntil('1d', now)?.toISOString()).toBe('2026-05-02T12:00:00.000Z');
    expect(accessDurationToUntil('7d', now)?.toISOString()).toBe('2026-05-08T12:00:00.000Z');
    expect(accessDurationToUntil('30d', now)?.toISOString()).toBe('2026-05-31T12:00:00.000Z');
  });

  it('says why the account password does not work in mail programs', () => {
    expect(mainPasswordBlockedBy(false, { allowMainPasswordWithout2fa: true })).toBeNull();
    expect(mainPasswordBlockedBy(true, { allowMainPasswordWithout2fa: true })).toBe('TOTP_ENABLED');
    expect(mainPasswordBlockedBy(false, { allowMainPasswordWithout2fa: false })).toBe('ADMIN_SETTING');
    expect(mainPasswordBlockedBy(true, { allowMainPasswordWithout2fa: false })).toBe('TOTP_ENABLED');
  });
});
