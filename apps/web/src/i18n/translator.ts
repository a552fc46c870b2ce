import type { TFunction, TValues } from './message-keys';
import { DEFAULT_LANGUAGE, type Language } from './language';

type Catalogue = Record<string, unknown>;

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

function lookup(catalogue: Catalogue | undefined, key: string): unknown {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Catalogue)[part];
  }
  return node;
}

/** A placeholder without a value stays visible, so a forgotten value shows in review, not as a gap. */
function interpolate(text: string, values: TValues | undefined): string {
  if (!values) return text;
  return text.replace(PLACEHOLDER, (placeholder, name: string) =>
    values[name] === undefined ? placeholder : String(values[name]),
  );
}

/** Adds what `target` lacks, recursing into nested groups; existing texts are never replaced. */
function mergeMissing(target: Catalogue, source: object): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing !== undefined && existing !== null && typeof existing === 'object' && !Array.isArray(existing)) {
      if (typeof value !== 'object' || value === null) continue;
      // A copy: the group may be the imported catalogue module's own object, which must not change.
      const group = { ...(existing as Catalogue) };
      mergeMissing(group, value);
      target[key] = group;
    } else if (existing === undefined) {
      target[key] = value;
    }
  }
}

/**
 * The portal's translations: nested catalogues per language, `{{name}}` interpolation, plurals by
 * `Intl.PluralRules` (`key_one` / `key_other`), English as the fallback, a missing key shown as
 * itself. It replaces i18next + react-i18next (~15 kB gzip on the first page, issue 12) and does
 * only what the catalogues use; catalogue-coverage.test.ts and translator.test.ts keep it honest.
 */
export class Translator {
  private readonly catalogues = new Map<Language, Catalogue>();
  private readonly listeners = new Set<() => void>();
  private current: Language;
  /** A new one per language, so components re-render with the new `t`. */
  private snapshot: { t: TFunction };

  constructor(language: Language, messages: Partial<Record<Language, object>>) {
    this.current = language;
    for (const [code, catalogue] of Object.entries(messages)) this.addMessages(code as Language, catalogue);
    this.snapshot = { t: this.fixedT(language) };
  }

  /** The language texts are shown in (named as in i18next, which the call sites were written for). */
  get resolvedLanguage(): Language {
    return this.current;
  }

  get t(): TFunction {
    return this.snapshot.t;
  }

  /** A `t` bound to one language, whatever the current one is. */
  fixedT(language: Language): TFunction {
    const translate = (key: string, values?: TValues & { returnObjects?: boolean }): unknown => {
      const languages = language === DEFAULT_LANGUAGE ? [language] : [language, DEFAULT_LANGUAGE];
      for (const code of languages) {
        const catalogue = this.catalogues.get(code);
        const candidates =
          typeof values?.count === 'number'
            ? [`${key}_${pluralRules(code).select(values.count)}`, `${key}_other`, key]
            : [key];
        for (const candidate of candidates) {
          const value = lookup(catalogue, candidate);
          if (typeof value === 'string') return interpolate(value, values);
          if (values?.returnObjects && value !== undefined) return value;
        }
      }
      return key;
    };
    return translate as TFunction;
  }

  /**
   * Adds texts for a language (a lazy catalogue, the staff panel's texts), keeping what is there.
   * No re-render: `t` looks texts up when called, so texts added before they are first shown (the
   * panel adds its own during its first render) appear without one; a language waits for its
   * catalogue before changeLanguage.
   */
  addMessages(language: Language, messages: object): void {
    const catalogue = this.catalogues.get(language) ?? {};
    this.catalogues.set(language, catalogue);
    mergeMissing(catalogue, messages);
  }

  /** Switches the language; load its catalogue first (see loadLanguage in i18n.ts). */
  changeLanguage(language: Language): Promise<void> {
    if (language !== this.current) {
      this.current = language;
      this.snapshot = { t: this.fixedT(language) };
      for (const listener of this.listeners) listener();
    }
    return Promise.resolve();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): { t: TFunction } => this.snapshot;
}

const pluralRulesByLanguage = new Map<Language, Intl.PluralRules>();

/** One `Intl.PluralRules` per language: built once, not on every plural text of every render. */
function pluralRules(language: Language): Intl.PluralRules {
  let rules = pluralRulesByLanguage.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRulesByLanguage.set(language, rules);
  }
  return rules;
}
