import { describe, expect, it } from 'vitest';
import { displayedScore } from './strength-meter';

describe('displayedScore', () => {
  it('never shows more than "Weak" while the password is not accepted', () => {
    expect(displayedScore({ ok: false, score: 4 })).toBe(1);
    expect(displayedScore({ ok: false, score: 3 })).toBe(1);
    expect(displayedScore({ ok: false, score: 0 })).toBe(0);
  });

  it('shows the real strength of an accepted password', () => {
    expect(displayedScore({ ok: true, score: 3 })).toBe(3);
    expect(displayedScore({ ok: true, score: 4 })).toBe(4);
  });
});
