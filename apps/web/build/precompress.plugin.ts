import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text formats worth compressing; images and fonts in the build are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.map', '.webmanifest']);
/** Below this a compressed copy saves less than its own headers cost (the API uses the same threshold). */
export const PRECOMPRESS_MIN_BYTES = 1024;

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the build, at the highest
 * levels: done once per build, so the server never compresses the SPA per request (it serves
 * these with `preCompressed`, see apps/api/src/infrastructure/spa/spa-static.ts). A copy that would not be
 * smaller than the original is not written.
 */
export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'mailgate:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After the bundle and the public folder are on disk.
    async closeBundle() {
      await precompressDirectory(outDir);
    },
  };
}

/** Compresses every eligible file under `directory`; returns the files (relative) it wrote copies for. */
export async function precompressDirectory(directory: string): Promise<string[]> {
  const files = (await readdir(directory, { recursive: true }))
    .filter((name) => COMPRESSIBLE.has(extname(name)))
    .map((name) => join(directory, name));
  const written = await Promise.all(files.map((file) => precompressFile(file)));
  return files.filter((_, index) => written[index]).map((file) => file.slice(directory.length + 1));
}

async function precompressFile(file: string): Promise<boolean> {
  if (!(await stat(file)).isFile()) return false;
  const original = await readFile(file);
  if (original.length < PRECOMPRESS_MIN_BYTES) return false;
  const [br, gz] = await Promise.all([
    brotli(original, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
      },
    }),
    gzipAsync(original, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  let wrote = false;
  for (const [suffix, compressed] of [
    ['.br', br],
    ['.gz', gz],
  ] as const) {
    if (compressed.length >= original.length) continue;
    await writeFile(`${file}${suffix}`, compressed);
    wrote = true;
  }
  return wrote;
}
