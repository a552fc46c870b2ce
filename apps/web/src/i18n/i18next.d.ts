import 'i18next';
import type { Messages } from './en';

// Typed keys: `t('nav.securty')` is a compile error instead of a raw key on screen.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
