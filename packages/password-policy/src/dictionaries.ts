import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** The heavy part of the evaluator: zxcvbn with its word lists, and the blocklist. */
export interface LoadedDictionaries {
  readonly zxcvbn: ZxcvbnFactory;
  /** Lower-cased, NFKC-normalised: the blocklist check ignores case. */
  readonly blocklist: ReadonlySet<string>;
}

/**
 * zxcvbn's work grows steeply with length and with l33t-able characters (measured here: a
 * 128-character password of letters, digits and '!' took seconds with the defaults). It scores
 * the first ZXCVBN_MAX_LENGTH characters only, and tries a bounded number of l33t substitutions.
 * The length, blocklist and context rules still look at the whole password; nothing is truncated
 * for hashing. A password whose first 100 characters are guessable is not made strong by a tail.
 */
const ZXCVBN_MAX_LENGTH = 100;
const L33T_MAX_SUBSTITUTIONS = 8;

let loaded: LoadedDictionaries | null = null;
let loading: Promise<LoadedDictionaries> | null = null;

/**
 * Loads the dictionaries (about 2 MB of word lists). Dynamic imports, so a browser bundle fetches
 * them only when a password form opens; Node loads them once at start. Safe to call repeatedly.
 */
export function loadPasswordDictionaries(): Promise<LoadedDictionaries> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= (async () => {
    const [core, common, en, de, blocklistData, codec] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
      import('@zxcvbn-ts/language-de'),
      import('./blocklist/blocklist-data.generated.js'),
      import('./blocklist/blocklist-codec.js'),
    ]);
    // language-de 3.x names its lists without a language suffix; suffix them so they cannot
    // shadow another package's lists of the same name.
    const german = Object.fromEntries(Object.entries(de.dictionary).map(([name, words]) => [`${name}-de`, words]));
    const zxcvbn = new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, ...german },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
      // Levenshtein matching against lists this size costs seconds per long password (measured),
      // too slow for a live meter and a cheap way to load the server; exact and l33t matching stay.
      useLevenshteinDistance: false,
      maxLength: ZXCVBN_MAX_LENGTH,
      l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
    });
    const blocklist = new Set(
      codec.decodeSortedList(blocklistData.BLOCKLIST_ENCODED).map((entry) => entry.toLowerCase()),
    );
    loaded = { zxcvbn, blocklist };
    return loaded;
  })();
  loading.catch(() => {
    // A failed load (e.g. the browser went offline) may be retried.
    loading = null;
  });
  return loading;
}

/** The dictionaries if already loaded (the synchronous evaluator needs them). */
export function loadedPasswordDictionaries(): LoadedDictionaries | null {
  return loaded;
}
