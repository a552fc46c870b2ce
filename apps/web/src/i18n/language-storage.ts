const STORAGE_KEY = 'mailgate.language';

// localStorage throws when storage is blocked (privacy settings, sandboxed frames); the language
// choice is a convenience, so failing to read or write it must never break the page.

export function readStoredLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: string): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // See above: not persisting is acceptable.
  }
}
