import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/**
 * The first page's JavaScript budget: what the browser must download before the sign-in page or the
 * mail programs page can run, i.e. the entry chunk and every chunk it imports statically. The staff
 * panel, the other pages, the German texts and the password dictionaries are fetched later, when
 * needed. Reads the manifest of the built app (`npm test` builds it first; see scripts/tasks/test.mjs).
 */
// Issue 12's goal. Lazy routes, the lazy staff panel and the German catalogue took the first page
// from 215 kB to 151 kB; replacing React Router with src/router (~1 kB) and i18next + react-i18next
// with src/i18n/translator.ts (~1 kB) took it from 156.5 kB to 112 kB. What is left is react-dom
// (~60 kB, a fixed choice), TanStack Query (~10 kB; both first pages read the session with it) and
// the English texts. See docs/benchmarks.md, "First page".
export const FIRST_PAGE_BUDGET_BYTES = 120 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

const DIST = path.join(import.meta.dirname, '..', 'dist');
const MANIFEST = path.join(DIST, '.vite', 'manifest.json');

/** Files of the entry and of its static imports, transitively; dynamic imports are left out. */
export function firstPageFiles(manifest: Record<string, ManifestChunk>): string[] {
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const [key] of entries) visit(key);
  return [...seen].map((key) => manifest[key]?.file).filter((file): file is string => file?.endsWith('.js') ?? false);
}

describe('bundle budget', () => {
  it('follows static imports only', () => {
    const manifest = {
      'index.html': { file: 'a.js', isEntry: true, imports: ['_b.js'] },
      '_b.js': { file: 'b.js', imports: ['_c.js'] },
      '_c.js': { file: 'c.js' },
      'lazy.ts': { file: 'lazy.js', imports: ['_b.js'] },
    };
    expect(firstPageFiles(manifest).sort()).toEqual(['a.js', 'b.js', 'c.js']);
  });

  it('keeps the first page within its gzip JavaScript budget', () => {
    // Never skipped: without a build there is nothing to measure, which must fail, not pass quietly.
    expect(existsSync(MANIFEST), `no ${MANIFEST}: build the SPA first (npm test does)`).toBe(true);
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, ManifestChunk>;
    const files = firstPageFiles(manifest);
    const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(path.join(DIST, file))).length }));
    const total = sizes.reduce((sum, entry) => sum + entry.gzip, 0);
    // The breakdown shows in the failure message, so a regression names its chunk.
    expect(total, JSON.stringify(sizes, null, 1)).toBeLessThanOrEqual(FIRST_PAGE_BUDGET_BYTES);
    // No zod in the first page: the contracts are imported for their types only.
    for (const file of files) expect(readFileSync(path.join(DIST, file), 'utf8')).not.toContain('ZodError');
  });
});
