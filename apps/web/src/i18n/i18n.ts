import { en } from './en';
import { DEFAULT_LANGUAGE, detectLanguage, type Language } from './language';
import { readStoredLanguage } from './language-storage';
import { Translator } from './translator';

/**
 * English is the fallback and ships with the app; German is its own chunk, fetched only by those
 * who read the portal in German (before the first render, so nobody sees English flash by).
 */
const loadCatalogue: Record<Exclude<Language, 'en'>, () => Promise<object>> = {
  de: () => import('./de').then((module) => module.de),
};
const loadedLanguages = new WeakMap<Translator, Set<Language>>();

/** Makes sure the language's texts are in the instance; call before changeLanguage. */
export async function loadLanguage(instance: Translator, language: Language): Promise<void> {
  const loaded = loadedLanguages.get(instance) ?? new Set<Language>(['en']);
  loadedLanguages.set(instance, loaded);
  if (language === 'en' || loaded.has(language)) return;
  // Merged: the staff panel may have added its own German texts already.
  instance.addMessages(language, await loadCatalogue[language]());
  loaded.add(language);
}

export async function createI18n(): Promise<Translator> {
  const language = detectLanguage(readStoredLanguage(), navigator.languages);
  // Starts in English while the German catalogue loads, then switches before the first render.
  const instance = new Translator(DEFAULT_LANGUAGE, { en });
  await loadLanguage(instance, language);
  await instance.changeLanguage(language);
  // Keep <html lang> in step so screen readers pronounce the page in the right language.
  const syncLang = () => {
    document.documentElement.lang = instance.resolvedLanguage;
  };
  syncLang();
  instance.subscribe(syncLang);
  return instance;
}
