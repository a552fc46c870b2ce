import { describe, expect, it } from 'vitest';
import { parseContextWords, toSettings, type PolicyFormValues } from './policy-form-values';

const base: PolicyFormValues = {
  minLength: '15',
  maxLength: '128',
  minScore: '3',
  blocklistEnabled: true,
  contextWords: 'mailgate',
};

describe('policy form values', () => {
  it('converts valid fields to settings without problems', () => {
    expect(toSettings({ ...base, contextWords: 'mailgate\nexample, acme' })).toEqual({
      settings: {
        minLength: 15,
        maxLength: 128,
        minScore: 3,
        blocklistEnabled: true,
        contextWords: ['mailgate', 'example', 'acme'],
      },
      problems: [],
    });
  });

  it('reports lengths outside the contract bounds', () => {
    expect(toSettings({ ...base, minLength: '7' }).problems).toEqual(['minLength']);
    expect(toSettings({ ...base, maxLength: '63' }).problems).toEqual(['maxLength']);
    expect(toSettings({ ...base, minLength: 'abc' }).problems).toEqual(['minLength']);
    expect(toSettings({ ...base, minLength: '65', maxLength: '1025' }).problems).toEqual(['minLength', 'maxLength']);
    expect(toSettings({ ...base, minLength: '64', maxLength: '64' }).problems).toEqual([]);
  });

  it('refuses context words shorter than 3 characters and drops blanks and repeats', () => {
    expect(toSettings({ ...base, contextWords: 'ab' }).problems).toEqual(['contextWordShort']);
    expect(parseContextWords('acme\n\n acme ,beta')).toEqual(['acme', 'beta']);
  });
});
