import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Dates and times in the UI language, in the browser's time zone (staff read them on the phone). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    const time = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
    return {
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      /** Only the time when it is today, otherwise date and time ("until 14:05"). */
      moment: (iso: string, now = new Date()) => {
        const date = new Date(iso);
        return date.toDateString() === now.toDateString() ? time.format(date) : dateTime.format(date);
      },
    };
  }, [language]);
}
