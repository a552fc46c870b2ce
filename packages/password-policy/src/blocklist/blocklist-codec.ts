/**
 * Front coding for a sorted word list: each entry stores how many leading characters it shares
 * with the previous one (one character, '0' + n) and then the rest. Sorted password lists share
 * long prefixes, so this halves the size, and decoding is a single fast pass in Node and browsers.
 * Entries are separated by '\n' and therefore must not contain one.
 */
const MAX_SHARED = 60;
const BASE = 48; // '0'

export function encodeSortedList(sorted: readonly string[]): string {
  const parts: string[] = [];
  let previous = '';
  for (const entry of sorted) {
    if (entry.includes('\n')) throw new Error('a list entry contains a line break');
    const limit = Math.min(entry.length, previous.length, MAX_SHARED);
    let shared = 0;
    while (shared < limit && entry.charCodeAt(shared) === previous.charCodeAt(shared)) shared += 1;
    parts.push(String.fromCharCode(BASE + shared) + entry.slice(shared));
    previous = entry;
  }
  return parts.join('\n');
}

export function decodeSortedList(encoded: string): string[] {
  if (encoded.length === 0) return [];
  const entries: string[] = [];
  let previous = '';
  for (const line of encoded.split('\n')) {
    previous = previous.slice(0, line.charCodeAt(0) - BASE) + line.slice(1);
    entries.push(previous);
  }
  return entries;
}
