import type { Messages } from './en';

// Typed keys: `t('nav.securty')` is a compile error instead of a raw key on screen. The types walk
// the English catalogue (the reference); plural variants (`title_one`, `title_other`) are called
// by their base key with a `count`.

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type WithoutPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;
type Join<Prefix extends string, K extends string> = Prefix extends '' ? K : `${Prefix}.${K}`;

/** Dotted paths to texts (strings), plural suffixes removed. */
export type TextKey<T = Messages, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? Join<Prefix, WithoutPlural<K>>
    : T[K] extends readonly unknown[]
      ? never
      : TextKey<T[K], Join<Prefix, K>>;
}[keyof T & string];

/** Dotted paths to lists of texts (paragraphs, steps), read whole with `returnObjects: true`. */
export type ListKey<T = Messages, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? never
    : T[K] extends readonly unknown[]
      ? Join<Prefix, K>
      : ListKey<T[K], Join<Prefix, K>>;
}[keyof T & string];

export type ValueAt<T, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? ValueAt<T[Head], Rest>
    : never
  : Path extends keyof T
    ? T[Path]
    : never;

/** `{{name}}` placeholders take these values; `count` also picks the plural form. */
export type TValues = Readonly<Record<string, unknown>> & { count?: number };

export interface TFunction {
  (key: TextKey, values?: TValues): string;
  <K extends ListKey>(key: K, options: { returnObjects: true }): ValueAt<Messages, K>;
}
