import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { PRECOMPRESS_MIN_BYTES, precompressDirectory } from './precompress.plugin.ts';

describe('precompressDirectory', () => {
  let dist = '';
  afterEach(() => rm(dist, { recursive: true, force: true }));

  it('writes .br and .gz copies that decompress to the original, only where they help', async () => {
    dist = await mkdtemp(join(tmpdir(), 'mailgate-precompress-'));
    await mkdir(join(dist, 'assets'));
    const script = 'export const greeting = "hello, mail";\n'.repeat(200);
    const files: Record<string, string | Buffer> = {
      'index.html': `<!doctype html><html><body>${'<p>sign in</p>'.repeat(100)}</body></html>`,
      'assets/index-Ab12Cd34.js': script,
      'assets/index-Ef56Gh78.css': 'body { margin: 0; }\n'.repeat(100),
      'tiny.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      // Random bytes do not compress: no copy is written for them.
      'assets/noise-Zz99Yy88.js': randomBytes(4096),
      'logo.png': Buffer.alloc(4096, 1),
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(dist, name), content);

    const written = await precompressDirectory(dist);

    expect(written.sort()).toEqual(['assets/index-Ab12Cd34.js', 'assets/index-Ef56Gh78.css', 'index.html']);
    for (const name of written) {
      const original = await readFile(join(dist, name));
      const br = await readFile(join(dist, `${name}.br`));
      const gz = await readFile(join(dist, `${name}.gz`));
      expect(br.length).toBeLessThan(original.length);
      expect(gz.length).toBeLessThan(original.length);
      expect(brotliDecompressSync(br).equals(original)).toBe(true);
      expect(gunzipSync(gz).equals(original)).toBe(true);
    }
    expect(Buffer.byteLength(files['tiny.svg'] as string)).toBeLessThan(PRECOMPRESS_MIN_BYTES);
    for (const name of ['tiny.svg', 'assets/noise-Zz99Yy88.js', 'logo.png']) {
      expect(existsSync(join(dist, `${name}.br`))).toBe(false);
      expect(existsSync(join(dist, `${name}.gz`))).toBe(false);
    }
  });
});
