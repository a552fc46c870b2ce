import { describe, expect, it } from 'vitest';
import { readResetToken } from './reset-token';

describe('readResetToken', () => {
  it('reads the token from the fragment', () => {
    expect(readResetToken('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(readResetToken('#other=1&token=xyz')).toBe('xyz');
  });

  it('returns null when there is no token', () => {
    expect(readResetToken('')).toBeNull();
    expect(readResetToken('#token=')).toBeNull();
    expect(readResetToken('#tokens=abc')).toBeNull();
  });
});
