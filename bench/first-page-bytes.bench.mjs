// Bytes on the wire for the first page a visitor sees (the sign-in page): the document and every
// script, style, font and API call it makes, as headless Chromium fetched them from the real API
// server, once per Accept-Encoding and again on a repeat visit (warm cache).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { buildWeb } from '../scripts/lib/build.mjs';
import { startApiServer } from './lib/api-server.mjs';
import { createBenchDatabase, startBenchPostgres } from './lib/bench-database.mjs';

export const title = 'First page: bytes on the wire';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** What the browser says it accepts; `null` keeps Chromium's own header (gzip, deflate, br, zstd). */
const PROFILES = [
  { name: 'identity', header: 'identity' },
  { name: 'gzip', header: 'gzip' },
  { name: 'browser default', header: null },
];

export async function run({ say }) {
  await buildWeb();
  const postgres = await startBenchPostgres();
  const database = await createBenchDatabase(postgres.serverUrl);
  const server = await startApiServer({
    DATABASE_URL: database.url,
    MAILGATE_SECRET_KEY: randomBytes(32).toString('base64'),
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const results = [];
    for (const profile of PROFILES) {
      say(`loading the sign-in page, Accept-Encoding: ${profile.header ?? "Chromium's"}`);
      results.push({ profile, ...(await visit(browser, `${server.url}/sign-in`, profile.header)) });
    }
    return report(results);
  } finally {
    await browser.close();
    await server.stop();
    await database.drop();
    await postgres.stop();
  }
}

/** A cold visit and a repeat visit in one fresh browser profile. */
async function visit(browser, url, acceptEncoding) {
  const context = await browser.newContext(
    acceptEncoding ? { extraHTTPHeaders: { 'accept-encoding': acceptEncoding } } : {},
  );
  const page = await context.newPage();
  const encodings = new Map();
  page.on('response', (response) => encodings.set(response.url(), response.headers()['content-encoding'] ?? '-'));
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    const cold = await resourceEntries(page);
    await page.goto(url, { waitUntil: 'networkidle' });
    const warm = await resourceEntries(page);
    return { cold: cold.map((entry) => ({ ...entry, encoding: encodings.get(entry.url) ?? '-' })), warm };
  } finally {
    await context.close();
  }
}

/** Resource Timing: transferSize counts headers and body as received; 0 when served from cache. */
function resourceEntries(page) {
  return page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((entry) => ({
      url: entry.name,
      transferSize: entry.transferSize,
      encodedBodySize: entry.encodedBodySize,
      decodedBodySize: entry.decodedBodySize,
    })),
  );
}

const kb = (bytes) => (bytes / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 });
const sum = (entries, key) => entries.reduce((total, entry) => total + entry[key], 0);

function report(results) {
  const [first] = results;
  const name = (url) => {
    const path = new URL(url).pathname;
    return path.replace(/-[\w-]{8}\.(js|css)$/, '-<hash>.$1');
  };
  const header = `| Resource | uncompressed kB | ${results.map((result) => `${result.profile.name} kB`).join(' | ')} |`;
  const align = `| --- | ---: | ${results.map(() => '---:').join(' | ')} |`;
  // One row per URL; a URL the page fetched twice (the favicon) is marked, and counted twice in the totals.
  const urls = [...new Set(first.cold.map((entry) => entry.url))];
  const rows = urls.map((url) => {
    const loads = first.cold.filter((entry) => entry.url === url);
    const cells = results.map((result) => {
      const same = result.cold.find((candidate) => candidate.url === url);
      return same ? `${kb(same.encodedBodySize)} (${same.encoding})` : 'not loaded';
    });
    const times = loads.length > 1 ? ` ×${loads.length}` : '';
    return `| \`${name(url)}\`${times} | ${kb(loads[0].decodedBodySize)} | ${cells.join(' | ')} |`;
  });
  const totals = [
    `| **Bodies, total** | ${kb(sum(first.cold, 'decodedBodySize'))} | ${results.map((result) => `**${kb(sum(result.cold, 'encodedBodySize'))}**`).join(' | ')} |`,
    `| Transferred with headers (first visit) | | ${results.map((result) => kb(sum(result.cold, 'transferSize'))).join(' | ')} |`,
    `| Transferred with headers (repeat visit) | | ${results.map((result) => kb(sum(result.warm, 'transferSize'))).join(' | ')} |`,
  ];
  const identity = sum(first.cold, 'encodedBodySize');
  const best = sum(results.at(-1).cold, 'encodedBodySize');
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} CPU cores, Node ${process.version}, ` +
      `headless Chromium from \`${CHROMIUM}\`, the API server from \`apps/api/dist\` serving \`apps/web/dist\` on ` +
      'loopback. Command: `npm run bench -- first-page-bytes`.',
    '',
    'Each column is a fresh browser profile loading `/sign-in` with the given `Accept-Encoding` (the last keeps ' +
      "Chromium's own, which offers br). Sizes are Resource Timing's `encodedBodySize` (the body as it crossed the " +
      'wire) with the `Content-Encoding` the server chose; "uncompressed" is `decodedBodySize`. The identity column ' +
      'is also what every browser got before compression was added: the server then ignored `Accept-Encoding`.',
    '',
    header,
    align,
    ...rows,
    ...totals,
    '',
    `Bodies of the first visit: ${kb(identity)} kB uncompressed → ${kb(best)} kB with the browser's default ` +
      `(${((best / identity) * 100).toFixed(1)} %). On the repeat visit the hashed assets come from the browser's ` +
      'cache without a request (`immutable`); only the document and the API calls are fetched again.',
  ].join('\n');
}
