import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('uses German when the browser prefers German, including regional variants', () => {
    expect(detectLanguage(null, ['de'])).toBe('de');
    expect(detectLanguage(null, ['de-AT', 'en-US'])).toBe('de');
    expect(detectLanguage(null, ['DE-ch'])).toBe('de');
  });

  it('uses English when the browser prefers English or an unsupported language', () => {
    expect(detectLanguage(null, ['en-GB', 'de'])).toBe('en');
    expect(detectLanguage(null, ['fr-FR', 'it'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });

  it('takes the first supported language in the browser’s order', () => {
    expect(detectLanguage(null, ['fr', 'de', 'en'])).toBe('de');
  });

  it('prefers a stored choice over the browser', () => {
    expect(detectLanguage('en', ['de-DE'])).toBe('en');
    expect(detectLanguage('de', ['en-US'])).toBe('de');
  });

  it('ignores a stored value that is not a supported language', () => {
    expect(detectLanguage('fr', ['de-DE'])).toBe('de');
    expect(detectLanguage('<script>', ['en'])).toBe('en');
  });
});
