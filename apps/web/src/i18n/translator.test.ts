import { describe, expect, it } from 'vitest';
import type { TFunction } from './message-keys';
import { Translator } from './translator';

// Small catalogues of the shapes the real ones use; the real ones are covered by the text helpers'
// tests (notice-text, activity-text) and catalogue-coverage.test.ts.
const en = {
  nav: { security: 'Security' },
  greeting: 'Hello {{name}}, {{name}}!',
  notices: { title_one: '{{count}} new notice', title_other: '{{count}} new notices' },
  steps: ['Open it.', 'Sign in.'],
  onlyEnglish: 'Still here',
};
const de = {
  nav: { security: 'Sicherheit' },
  greeting: 'Hallo {{name}}, {{name}}!',
  notices: { title_one: '{{count}} neue Mitteilung', title_other: '{{count}} neue Mitteilungen' },
  steps: ['Öffnen.', 'Anmelden.'],
};

// The test catalogues are not the app's, so their keys are looked up untyped.
type LooseT = (key: string, options?: Record<string, unknown>) => unknown;
const loose = (t: TFunction) => t as unknown as LooseT;

describe('Translator', () => {
  it('reads nested keys and fills every placeholder', () => {
    const t = loose(new Translator('en', { en }).t);
    expect(t('nav.security')).toBe('Security');
    expect(t('greeting', { name: 'Ada' })).toBe('Hello Ada, Ada!');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(loose(new Translator('en', { en }).t)('greeting')).toBe('Hello {{name}}, {{name}}!');
  });

  it('picks the plural form by count, per language', () => {
    const i18n = new Translator('en', { en, de });
    expect(loose(i18n.fixedT('en'))('notices.title', { count: 1 })).toBe('1 new notice');
    expect(loose(i18n.fixedT('en'))('notices.title', { count: 0 })).toBe('0 new notices');
    expect(loose(i18n.fixedT('de'))('notices.title', { count: 3 })).toBe('3 neue Mitteilungen');
  });

  it('returns lists whole with returnObjects, and never as text', () => {
    const t = loose(new Translator('de', { en, de }).t);
    expect(t('steps', { returnObjects: true })).toEqual(['Öffnen.', 'Anmelden.']);
    expect(t('steps')).toBe('steps');
  });

  it('falls back to English, then to the key itself', () => {
    const t = loose(new Translator('de', { en, de }).t);
    expect(t('onlyEnglish')).toBe('Still here');
    expect(t('nav.nothing')).toBe('nav.nothing');
  });

  it('switches language with a new t and tells its subscribers', async () => {
    const i18n = new Translator('en', { en, de });
    const before = i18n.t;
    let told = 0;
    i18n.subscribe(() => told++);
    await i18n.changeLanguage('de');
    expect(i18n.resolvedLanguage).toBe('de');
    expect(i18n.t).not.toBe(before);
    expect(loose(i18n.t)('nav.security')).toBe('Sicherheit');
    expect(told).toBe(1);
  });

  it('adds texts later without replacing existing ones or changing the imported catalogue', () => {
    const i18n = new Translator('en', { en });
    const t = loose(i18n.t);
    i18n.addMessages('en', { nav: { security: 'Changed', admin: 'Admin' }, admin: { title: 'Staff' } });
    // The `t` from before sees them: the staff panel adds its texts while it renders.
    expect(t('nav.security')).toBe('Security');
    expect(t('nav.admin')).toBe('Admin');
    expect(t('admin.title')).toBe('Staff');
    expect(en.nav).toEqual({ security: 'Security' });
  });
});
