import i18next, { type TFunction } from 'i18next';
import { de } from './de';
import { en } from './en';

const resources = { en: { translation: en }, de: { translation: de } };

/** English and German `t` over the real catalogues, without the browser (for unit tests of text helpers). */
export async function testTranslators(): Promise<{ t: TFunction; tDe: TFunction }> {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
  return { t: instance.getFixedT('en'), tDe: instance.getFixedT('de') };
}
