import { describe, expect, it } from 'vitest';
import { decodeSortedList, encodeSortedList } from './blocklist-codec.js';

describe('blocklist codec', () => {
  it('round-trips a sorted list, including non-ASCII and digits', () => {
    const list = [
      '',
      '0000',
      '00000',
      '123456',
      'Passwort',
      'passw0rd',
      'password',
      'password1',
      'straße',
      '𝔘nicode',
    ].sort();
    expect(decodeSortedList(encodeSortedList(list))).toEqual(list);
  });

  it('is shorter than the plain list when entries share prefixes', () => {
    const list = ['password', 'password1', 'password12', 'password123'];
    expect(encodeSortedList(list).length).toBeLessThan(list.join('\n').length);
  });

  it('refuses entries with line breaks', () => {
    expect(() => encodeSortedList(['a\nb'])).toThrow();
  });
});
