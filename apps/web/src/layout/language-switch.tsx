import { useId, type ChangeEvent } from 'react';
import { useTranslation } from '../i18n/use-translation';
import { loadLanguage } from '../i18n/i18n';
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, isLanguage } from '../i18n/language';
import { storeLanguage } from '../i18n/language-storage';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const selectId = useId();

  function handleChange(event: ChangeEvent<HTMLSelectElement>) {
    const language = event.target.value;
    if (!isLanguage(language)) return;
    // Only an explicit choice is stored; otherwise the browser's preference keeps deciding.
    storeLanguage(language);
    void loadLanguage(i18n, language).then(() => i18n.changeLanguage(language));
  }

  return (
    <div className="language-switch">
      <label htmlFor={selectId}>{t('language.label')}</label>
      <select id={selectId} value={i18n.resolvedLanguage} onChange={handleChange}>
        {SUPPORTED_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
