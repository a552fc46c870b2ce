import type { ProtocolAccessItem } from '@mailgate/contracts';
import { describe, expect, it } from 'vitest';
import { changedOptions, currentOptions } from './current-options';

function item(overrides: Partial<ProtocolAccessItem>): ProtocolAccessItem {
  return {
    protocol: 'POP3',
    enabled: true,
    effectiveEnabled: true,
    enabledAt: '2026-05-01T10:00:00.000Z',
    enabledUntil: null,
    pop3KeepCopy: false,
    isDefault: false,
    serverSettings: { protocol: 'POP3', host: 'pop.example.test', port: 995, encryption: 'SSL/TLS', username: 'a@b' },
    ...overrides,
  };
}

describe('currentOptions', () => {
  it('shows "until I turn it off" when there is no end', () => {
    expect(currentOptions(item({}))).toEqual({ duration: 'unlimited', keepCopy: false });
  });

  it('preselects the 7-day limit that is set, not the default', () => {
    expect(currentOptions(item({ enabledUntil: '2026-05-08T10:00:00.000Z' })).duration).toBe('7d');
    expect(currentOptions(item({ enabledUntil: '2026-05-02T10:00:05.000Z' })).duration).toBe('1d');
    expect(currentOptions(item({ enabledUntil: '2026-05-31T10:00:00.000Z' })).duration).toBe('30d');
  });

  it('keeps a copy by default when the protocol never said otherwise', () => {
    expect(currentOptions(item({ protocol: 'IMAP', pop3KeepCopy: null })).keepCopy).toBe(true);
  });
});

describe('changedOptions', () => {
  it('reports only what differs', () => {
    expect(changedOptions({ duration: '7d', keepCopy: true }, { duration: '7d', keepCopy: false })).toEqual({
      duration: false,
      keepCopy: true,
    });
  });
});
