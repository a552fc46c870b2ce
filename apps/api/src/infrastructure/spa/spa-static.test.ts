import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/test-app.js';

const SCRIPT = 'assets/index-Ab12Cd34.js';
const STYLE = 'assets/index-Ef56Gh78.css';

/**
 * A build folder made here, laid out as Vite and the precompress plugin write it: each text file
 * with its .br and .gz copies, and a favicon too small to have any.
 */
async function writeDist(dist: string): Promise<Record<string, Buffer>> {
  await mkdir(join(dist, 'assets'));
  const files: Record<string, Buffer> = {
    'index.html': Buffer.from(
      `<!doctype html><html><head><script type="module" src="/${SCRIPT}"></script>` +
        `<link rel="stylesheet" href="/${STYLE}"></head><body>${'<div id="root"></div>'.repeat(80)}</body></html>`,
    ),
    [SCRIPT]: Buffer.from('export const greeting = "hello, mail";\n'.repeat(300)),
    [STYLE]: Buffer.from('body { margin: 0; }\n'.repeat(200)),
    'favicon.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
  };
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(dist, name), content);
    if (name === 'favicon.svg') continue;
    await writeFile(join(dist, `${name}.br`), brotliCompressSync(content));
    await writeFile(join(dist, `${name}.gz`), gzipSync(content));
  }
  return files;
}

describe('the SPA, pre-compressed and cacheable', () => {
  let app: NestFastifyApplication;
  let dist: string;
  let files: Record<string, Buffer>;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'mailgate-spa-'));
    files = await writeDist(dist);
    app = await createTestApp({ WEB_DIST_DIR: dist });
  });
  afterAll(async () => {
    await app?.close();
    await rm(dist, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
  const varies = (headers: Record<string, unknown>) =>
    String(headers.vary ?? '')
      .toLowerCase()
      .split(/,\s*/)
      .includes('accept-encoding');

  it.each([
    { asked: 'gzip, deflate, br, zstd', encoding: 'br', decode: brotliDecompressSync, suffix: '.br' },
    { asked: 'gzip, deflate', encoding: 'gzip', decode: gunzipSync, suffix: '.gz' },
    { asked: 'br;q=0.5, gzip', encoding: 'gzip', decode: gunzipSync, suffix: '.gz' },
  ])('sends the $encoding copy of a hashed asset to "$asked", cached for a year', async (row) => {
    for (const name of [SCRIPT, STYLE]) {
      const response = await get(`/${name}`, row.asked);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(row.encoding);
      expect(response.headers['content-type']).toMatch(name.endsWith('.js') ? /javascript/ : /^text\/css/);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(varies(response.headers)).toBe(true);
      expect(response.rawPayload.equals(await readFile(join(dist, `${name}${row.suffix}`)))).toBe(true);
      expect(row.decode(response.rawPayload).equals(files[name] as Buffer)).toBe(true);
    }
  });

  it.each([undefined, 'identity', 'deflate'])('sends the file itself when the client accepts %s', async (asked) => {
    const response = await get(`/${SCRIPT}`, asked);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.rawPayload.equals(files[SCRIPT] as Buffer)).toBe(true);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The same URL has other bodies for other clients: shared caches must key on the header.
    expect(varies(response.headers)).toBe(true);
  });

  it('answers the document and client-side routes compressed, never cached without revalidation', async () => {
    for (const url of ['/index.html', '/sign-in', '/admin/users?page=2']) {
      const response = await get(url, 'br, gzip');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(varies(response.headers)).toBe(true);
      expect(brotliDecompressSync(response.rawPayload).equals(files['index.html'] as Buffer)).toBe(true);
    }
    const plain = await get('/sign-in');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(files['index.html'] as Buffer)).toBe(true);
    expect(plain.headers['cache-control']).toBe('no-cache');
  });

  it('keeps files outside /assets/ revalidated, and never serves the copies under their own names', async () => {
    const favicon = await get('/favicon.svg', 'gzip');
    expect(favicon.statusCode).toBe(200);
    expect(favicon.headers['cache-control']).toBe('no-cache');
    expect((favicon.headers['content-encoding'] ? gunzipSync(favicon.rawPayload) : favicon.rawPayload).toString()).toBe(
      (files['favicon.svg'] as Buffer).toString(),
    );

    const copy = await get(`/${SCRIPT}.br`, 'identity');
    expect(copy.rawPayload.equals(await readFile(join(dist, `${SCRIPT}.br`)))).toBe(false);
    expect(copy.headers['content-type']).not.toMatch(/brotli|octet-stream/);
  });

  it('leaves the API to the API: an unknown API path is a problem, not the SPA', async () => {
    const response = await get('/api/does-not-exist', 'br');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
