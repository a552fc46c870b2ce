import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, detectLanguage } from './language';
import { readStoredLanguage } from './language-storage';

export const resources = {
  de: { translation: de },
  en: { translation: en },
} as const;

export function createI18n(): i18n {
  const instance = i18next.createInstance();
  // Keep <html lang> in step so screen readers pronounce the page in the right language.
  instance.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  void instance.use(initReactI18next).init({
    resources,
    lng: detectLanguage(readStoredLanguage(), navigator.languages),
    // i18next 27 no longer falls back by default; English is the complete catalogue.
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: SUPPORTED_LANGUAGES,
    // Resources are bundled, so initialise synchronously and render translated text on first paint.
    initAsync: false,
    // React already escapes rendered strings.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}
