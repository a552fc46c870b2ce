import { describe, expect, it } from 'vitest';
import { previewPassword, type PolicySettings } from './policy-preview-evaluator';

const settings: PolicySettings = {
  minLength: 15,
  maxLength: 20,
  minScore: 3,
  blocklistEnabled: true,
  contextWords: ['acme', 'xy'],
};

describe('previewPassword (interim rules)', () => {
  it('counts code points after NFKC, so an emoji or a ligature counts as people see it', () => {
    expect(previewPassword('😀'.repeat(15), settings)).toEqual({ length: 15, problems: [], score: null });
    // U+FB01 (ﬁ) becomes "fi" under NFKC: 14 ligatures are 28 code points, too long.
    expect(previewPassword('ﬁ'.repeat(14), settings).problems).toEqual(['PASSWORD_TOO_LONG']);
  });

  it('reports too short and too long', () => {
    expect(previewPassword('short', settings).problems).toEqual(['PASSWORD_TOO_SHORT']);
    expect(previewPassword('a'.repeat(21), settings).problems).toEqual(['PASSWORD_TOO_LONG']);
  });

  it('refuses the policy words and the service name, ignoring case, but not words under 4 characters', () => {
    expect(previewPassword('violet-ACME-harbour', settings).problems).toEqual(['PASSWORD_CONTAINS_CONTEXT']);
    expect(previewPassword('my-MailGate-river!', settings).problems).toEqual(['PASSWORD_CONTAINS_CONTEXT']);
    expect(previewPassword('xylophone-harbour', settings).problems).toEqual([]);
  });
});
