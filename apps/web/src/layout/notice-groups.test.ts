import { describe, expect, it } from 'vitest';
import { groupNotices } from './notice-groups';

describe('groupNotices', () => {
  it('puts mail-login alarms first, then staff changes, then changes from other sessions', () => {
    const notices = [
      { id: '1', kind: 'APP_PASSWORD_CREATED', byStaff: false },
      { id: '2', kind: 'PROTOCOL_ENABLED', byStaff: true },
      { id: '3', kind: 'LOGIN_LOCKED', byStaff: false },
      { id: '4', kind: 'PROTOCOL_DISABLED', byStaff: false },
    ];
    expect(groupNotices(notices).map(({ group, notices: items }) => [group, items.map((n) => n.id)])).toEqual([
      ['mailLogins', ['3']],
      ['staff', ['2']],
      ['otherSessions', ['1', '4']],
    ]);
  });

  it('puts a new mail device with the mail-login alarms', () => {
    expect(groupNotices([{ kind: 'NEW_MAIL_DEVICE', byStaff: false }]).map((entry) => entry.group)).toEqual([
      'mailLogins',
    ]);
  });

  it('leaves out empty groups', () => {
    expect(groupNotices([{ kind: 'LOGIN_LOCK_LIFTED', byStaff: true }]).map((entry) => entry.group)).toEqual([
      'mailLogins',
    ]);
  });

  it('gives an ended time limit its own group, not "changed in another session" (nobody changed it)', () => {
    const notices = [
      { id: '1', kind: 'PROTOCOL_ENABLED', byStaff: false },
      { id: '2', kind: 'PROTOCOL_ACCESS_EXPIRED', byStaff: false },
      { id: '3', kind: 'PROTOCOL_DISABLED', byStaff: true },
    ];
    expect(groupNotices(notices).map(({ group, notices: items }) => [group, items.map((n) => n.id)])).toEqual([
      ['staff', ['3']],
      ['timeLimits', ['2']],
      ['otherSessions', ['1']],
    ]);
  });
});
