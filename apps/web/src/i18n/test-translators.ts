import { de } from './de';
import { en } from './en';
import type { TFunction } from './message-keys';
import { Translator } from './translator';

/** English and German `t` over the real catalogues, without the browser (for unit tests of text helpers). */
export async function testTranslators(): Promise<{ t: TFunction; tDe: TFunction }> {
  const instance = new Translator('en', { en, de });
  return Promise.resolve({ t: instance.fixedT('en'), tDe: instance.fixedT('de') });
}
