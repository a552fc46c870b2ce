import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, detectLanguage, type Language } from './language';
import { readStoredLanguage } from './language-storage';

/**
 * English is the fallback and ships with the app; German is its own chunk, fetched only by those
 * who read the portal in German (before the first render, so nobody sees English flash by).
 */
const loadCatalogue: Record<Exclude<Language, 'en'>, () => Promise<object>> = {
  de: () => import('./de').then((module) => module.de),
};
const loadedLanguages = new WeakMap<i18n, Set<Language>>();

/** Makes sure the language's texts are in the instance; call before changeLanguage. */
export async function loadLanguage(instance: i18n, language: Language): Promise<void> {
  const loaded = loadedLanguages.get(instance) ?? new Set<Language>(['en']);
  loadedLanguages.set(instance, loaded);
  if (language === 'en' || loaded.has(language)) return;
  // Deep merge: the staff panel may have added its own German texts already.
  instance.addResourceBundle(language, 'translation', await loadCatalogue[language](), true, false);
  loaded.add(language);
}

export async function createI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  const language = detectLanguage(readStoredLanguage(), navigator.languages);
  // Keep <html lang> in step so screen readers pronounce the page in the right language.
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: language,
    // i18next 27 no longer falls back by default; English is the complete catalogue.
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: SUPPORTED_LANGUAGES,
    // Resources are bundled, so initialise synchronously and render translated text on first paint.
    initAsync: false,
    // React already escapes rendered strings.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  await loadLanguage(instance, language);
  // Re-resolve now that the texts are there (init chose English while German was missing).
  if (language !== DEFAULT_LANGUAGE) await instance.changeLanguage(language);
  return instance;
}
