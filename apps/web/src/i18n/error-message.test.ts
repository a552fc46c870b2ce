import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import { errorMessageKey } from './error-message';

describe('errorMessageKey', () => {
  it('maps known API error codes to their own message', () => {
    for (const code of [
      'VALIDATION_FAILED',
      'NOT_FOUND',
      'INTERNAL_ERROR',
      'RATE_LIMITED',
      'UNAUTHENTICATED',
      'NETWORK_ERROR',
    ]) {
      expect(errorMessageKey(code)).toBe(`errors.${code}`);
    }
  });

  it('falls back to the generic message for unknown codes', () => {
    expect(errorMessageKey('SOMETHING_NEW')).toBe('errors.UNKNOWN');
    // Inherited object properties must not count as codes.
    expect(errorMessageKey('toString')).toBe('errors.UNKNOWN');
  });

  it('has a non-empty message for every code in both languages', () => {
    for (const catalogue of [en, de]) {
      for (const message of Object.values(catalogue.errors)) expect(message.trim()).not.toBe('');
    }
  });
});
