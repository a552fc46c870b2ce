import type { AuthLockView, AdminLoginAttempt, ProtocolAccessView } from '@mailgate/contracts';
import { describe, expect, it } from 'vitest';
import { diagnoseRefusedLogins, groupDiagnoses, type ExplainedReason } from './login-diagnosis';

const NOW = new Date('2026-11-27T14:00:00Z');

function attempt(overrides: Partial<AdminLoginAttempt>): AdminLoginAttempt {
  return {
    id: String(Math.random()),
    time: '2026-11-27T13:50:00Z',
    count: 1,
    firstTime: '2026-11-27T13:50:00Z',
    protocol: 'IMAP',
    clientIp: '203.0.113.7',
    secured: true,
    result: 'DENY',
    reasonCode: 'PASSWORD_WRONG',
    credential: 'PASSWORD',
    appPasswordId: null,
    appPasswordName: null,
    ...overrides,
  };
}

function access(protocol: ProtocolAccessView['protocol'], effectiveEnabled: boolean): ProtocolAccessView {
  return {
    protocol,
    enabled: effectiveEnabled,
    effectiveEnabled,
    enabledAt: null,
    enabledUntil: null,
    pop3KeepCopy: protocol === 'POP3' ? true : null,
    isDefault: false,
  };
}

function lock(overrides: Partial<AuthLockView>): AuthLockView {
  return {
    id: 'lock-1',
    scope: 'USER_IP',
    family: 'MAIL',
    clientIp: '203.0.113.7',
    failures: 12,
    lockedFrom: '2026-11-27T13:45:00Z',
    lockedUntil: '2026-11-27T14:05:00Z',
    ...overrides,
  };
}

const allOff = [access('IMAP', false), access('POP3', false), access('SMTP', false)];

describe('diagnoseRefusedLogins', () => {
  it('explains refusals newest first and leaves out successful logins', () => {
    const result = diagnoseRefusedLogins(
      {
        loginAttempts: [
          attempt({ id: 'a', result: 'ALLOW', reasonCode: 'OK' }),
          attempt({ id: 'b', reasonCode: 'PROTOCOL_DISABLED' }),
          attempt({ id: 'c', reasonCode: 'TLS_REQUIRED', secured: false }),
        ],
        locks: [],
        protocolAccess: allOff,
      },
      NOW,
    );
    expect(result.map((entry) => [entry.attempt.id, entry.reason])).toEqual([
      ['b', 'PROTOCOL_DISABLED'],
      ['c', 'TLS_REQUIRED'],
    ]);
  });

  it('marks "protocol was off" as resolved once that protocol is on again, and only that protocol', () => {
    const loginAttempts = [
      attempt({ reasonCode: 'PROTOCOL_DISABLED', protocol: 'IMAP' }),
      attempt({ reasonCode: 'PROTOCOL_DISABLED', protocol: 'SMTP' }),
    ];
    const [imap, smtp] = diagnoseRefusedLogins(
      {
        loginAttempts,
        locks: [],
        protocolAccess: [access('IMAP', true), access('POP3', false), access('SMTP', false)],
      },
      NOW,
    );
    expect(imap?.resolvedSince).toBe(true);
    expect(smtp?.resolvedSince).toBe(false);
  });

  it('finds the lock behind a "locked" refusal, with its failure count and end', () => {
    const active = lock({});
    const [entry] = diagnoseRefusedLogins(
      { loginAttempts: [attempt({ reasonCode: 'LOCKED_USER_IP' })], locks: [active], protocolAccess: allOff },
      NOW,
    );
    expect(entry?.lock).toEqual(active);
    expect(entry?.resolvedSince).toBe(false);
  });

  it('does not attach a lock of another client, scope or time, and then counts the lock as over', () => {
    const locks = [
      lock({ id: 'other-ip', clientIp: '198.51.100.1' }),
      lock({ id: 'other-scope', scope: 'IP' }),
      lock({ id: 'later', lockedFrom: '2026-11-27T13:55:00Z' }),
    ];
    const [entry] = diagnoseRefusedLogins(
      { loginAttempts: [attempt({ reasonCode: 'LOCKED_USER_IP' })], locks, protocolAccess: allOff },
      NOW,
    );
    expect(entry?.lock).toBeNull();
    expect(entry?.resolvedSince).toBe(true);
  });

  it('matches an IPv6 address to the lock of its /64 network', () => {
    const v6 = lock({ scope: 'IP', clientIp: '2001:db8:1:2::/64' });
    const [entry] = diagnoseRefusedLogins(
      {
        loginAttempts: [attempt({ reasonCode: 'LOCKED_IP', clientIp: '2001:db8:1:2:aaaa::5' })],
        locks: [v6],
        protocolAccess: allOff,
      },
      NOW,
    );
    expect(entry?.lock?.id).toBe(v6.id);
  });

  it('reports unknown codes as UNKNOWN and tempfails as TEMPFAIL, and keeps at most the limit', () => {
    const loginAttempts = [
      attempt({ reasonCode: 'SOMETHING_NEW' }),
      attempt({ result: 'TEMPFAIL', reasonCode: 'TEMPFAIL' }),
      ...Array.from({ length: 10 }, () => attempt({})),
    ];
    const result = diagnoseRefusedLogins({ loginAttempts, locks: [], protocolAccess: allOff }, NOW, 5);
    expect(result).toHaveLength(5);
    expect(result.slice(0, 3).map((entry) => entry.reason)).toEqual(['UNKNOWN', 'TEMPFAIL', 'PASSWORD_WRONG']);
  });
});

describe('groupDiagnoses', () => {
  const diagnosis = (id: string, minutesAgo: number, reason: ExplainedReason, clientIp = '203.0.113.7') => ({
    attempt: {
      id,
      time: new Date(Date.UTC(2026, 4, 1, 12, 0) - minutesAgo * 60_000).toISOString(),
      protocol: 'IMAP',
      clientIp,
      reasonCode: reason,
    } as AdminLoginAttempt,
    reason,
    lock: null,
    resolvedSince: false,
  });

  it('makes one card of repeated refusals with the same cause, counting them', () => {
    const groups = groupDiagnoses([
      diagnosis('a', 1, 'PASSWORD_WRONG'),
      diagnosis('b', 2, 'PASSWORD_WRONG'),
      diagnosis('c', 3, 'PROTOCOL_DISABLED'),
      diagnosis('d', 4, 'PASSWORD_WRONG'),
      diagnosis('e', 5, 'PASSWORD_WRONG', '198.51.100.9'),
    ]);
    expect(groups.map((group) => [group.attempt.id, group.reason, group.count])).toEqual([
      ['a', 'PASSWORD_WRONG', 3],
      ['c', 'PROTOCOL_DISABLED', 1],
      ['e', 'PASSWORD_WRONG', 1],
    ]);
    expect(groups[0]?.firstTime).toBe(diagnosis('d', 4, 'PASSWORD_WRONG').attempt.time);
  });
});
