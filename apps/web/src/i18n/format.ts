import { useTranslation } from './use-translation';

export interface Formatters {
  /** "3 May 2026, 14:05" in the UI language. */
  dateTime: (iso: string) => string;
  /** "3 May 2026". */
  date: (iso: string) => string;
  /** Only the time when it is today ("until 14:05"), otherwise date and time. */
  moment: (iso: string, now?: Date) => string;
  /** "IMAP and SMTP" / "IMAP und SMTP". */
  list: (items: readonly string[]) => string;
}

/** Dates follow the UI language (not the browser's), so a language switch changes them too. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  // British English: day-month order and a 24-hour clock, as the provider's users expect.
  const locale = i18n.resolvedLanguage === 'de' ? 'de-DE' : 'en-GB';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    moment: (iso, now = new Date()) => {
      const value = new Date(iso);
      return value.toDateString() === now.toDateString() ? time.format(value) : dateTime.format(value);
    },
    list: (items) => list.format(items),
  };
}
