import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { TFunction } from './message-keys';
import type { Translator } from './translator';

const TranslatorContext = createContext<Translator | null>(null);

export function I18nProvider({ i18n, children }: { i18n: Translator; children: ReactNode }) {
  return <TranslatorContext.Provider value={i18n}>{children}</TranslatorContext.Provider>;
}

/**
 * `{ t, i18n }` as react-i18next's hook gave it, so pages only changed their import. Re-renders the
 * component when the language changes or texts are added (a new `t` each time).
 */
export function useTranslation(): { t: TFunction; i18n: Translator } {
  const i18n = useContext(TranslatorContext);
  if (!i18n) throw new Error('useTranslation must be used inside <I18nProvider>');
  const { t } = useSyncExternalStore(i18n.subscribe, i18n.getSnapshot);
  return { t, i18n };
}
