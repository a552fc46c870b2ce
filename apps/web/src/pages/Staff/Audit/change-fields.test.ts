import { describe, expect, it } from 'vitest';
import { accountFilter } from './audit-filters';
import { changeFields } from './change-fields';

describe('changeFields', () => {
  it('lists changed fields first, each with its value before and after', () => {
    expect(
      changeFields(
        { enabled: false, enabledUntil: null, protocol: 'IMAP' },
        { enabled: true, enabledUntil: '2026-05-08T10:00:00.000Z', protocol: 'IMAP' },
      ),
    ).toEqual([
      { field: 'enabled', before: 'false', after: 'true', changed: true },
      { field: 'enabledUntil', before: '—', after: '2026-05-08T10:00:00.000Z', changed: true },
      { field: 'protocol', before: 'IMAP', after: 'IMAP', changed: false },
    ]);
  });

  it('reads lists and missing snapshots plainly', () => {
    expect(changeFields(null, { scopes: ['IMAP', 'SMTP'] })).toEqual([
      { field: 'scopes', before: '—', after: 'IMAP, SMTP', changed: true },
    ]);
  });
});

describe('accountFilter', () => {
  it('tells an e-mail address from an account id', () => {
    expect(accountFilter(' Anna@Example.com ')).toEqual({ kind: 'email', value: 'Anna@Example.com' });
    expect(accountFilter('0b5d3c2a-1111-4222-8333-944455556666')).toEqual({
      kind: 'id',
      value: '0b5d3c2a-1111-4222-8333-944455556666',
    });
    expect(accountFilter('')).toEqual({ kind: 'none' });
    expect(accountFilter('anna')).toEqual({ kind: 'invalid' });
  });
});
