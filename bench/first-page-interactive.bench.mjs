// Time to interactive of the two pages a visit starts on (sign-in, and the mail programs page after
// signing in), in headless Chromium slowed down like a cheap phone on a slow mobile network. Each
// measurement is a cold visit (browser cache cleared; the session cookie kept for the home page).
// `BENCH_BASELINE_DIST=<dir>` measures another SPA build beside this one (e.g. the one before a
// change); `BENCH_RUNS` sets the visits per page and build (median reported).
// observeReadiness and the page.evaluate callbacks run in the browser:
/* global window, document, MutationObserver */
import { join, relative } from 'node:path';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { buildWeb } from '../scripts/lib/build.mjs';
import { ROOT } from '../scripts/lib/run.mjs';
import { startApiServer } from './lib/api-server.mjs';
import { createBenchDatabase, startBenchPostgres } from './lib/bench-database.mjs';
import { benchEmail, benchSecrets, seedMailUsers } from './lib/mail-bench-seed.mjs';

export const title = 'First page: time to interactive';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PASSWORD = 'bench-interactive-password-1';

/** 4× slower CPU, as Lighthouse's mobile profile. */
const CPU_SLOWDOWN = 4;
/**
 * 400 ms added to every request, 400 kbit/s each way: the throughput of DevTools' "Slow 3G" preset
 * (500 kbit/s × 0.8) with the 400 ms round trip the issue asked for (DevTools itself adds 2 s).
 */
const NETWORK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
/** The main thread must stay free of long tasks (≥ 50 ms) this long before a page counts as settled. */
const QUIET_MS = 2000;

/**
 * When each page is usable: sign-in's submit button, and the three protocol switches of the mail
 * programs page (shown once the session and the protocol settings have arrived), present and
 * enabled. The SPA renders on the client, so a rendered control has its event handlers attached.
 */
const PAGES = [
  {
    name: 'sign-in',
    path: '/sign-in',
    signedIn: false,
    ready: { selector: 'form button[type="submit"]:not([disabled])', count: 1 },
  },
  {
    name: 'mail programs (home)',
    path: '/',
    signedIn: true,
    ready: { selector: '[role="switch"]:not([disabled])', count: 3 },
  },
];

export async function run({ say }) {
  const builds = [{ label: 'this build', dist: join(ROOT, 'apps/web/dist') }];
  if (process.env.BENCH_BASELINE_DIST) {
    builds.push({ label: process.env.BENCH_BASELINE_LABEL ?? 'baseline', dist: process.env.BENCH_BASELINE_DIST });
  }
  await buildWeb();
  const postgres = await startBenchPostgres();
  const database = await createBenchDatabase(postgres.serverUrl);
  const { secretKey, keyring, hashPassword } = await benchSecrets();
  await seedMailUsers(database.url, { count: 1, passwordHash: await hashPassword(PASSWORD), keyring, say });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const servers = [];
  try {
    for (const build of builds) {
      const server = await startApiServer({
        DATABASE_URL: database.url,
        MAILGATE_SECRET_KEY: secretKey,
        MAILGATE_SECRET_KEY_ID: 'k1',
        WEB_DIST_DIR: build.dist,
      });
      servers.push(server);
      // A visitor without a session sees sign-in; with one, sign-in sends them on to the home page.
      build.visitor = await newContext(browser, server.url);
      build.member = await newContext(browser, server.url);
      await signIn(build.member);
    }
    const results = PAGES.flatMap((target) => builds.map((build) => ({ target, build, visits: [] })));
    // Interleaved (page by page, build by build), so a busy moment of the machine hits all alike.
    for (let index = 0; index < RUNS; index += 1) {
      for (const result of results) {
        const context = result.target.signedIn ? result.build.member : result.build.visitor;
        result.visits.push(await visit(context, result.target));
        say(
          `${result.target.name}, ${result.build.label}, visit ${index + 1}/${RUNS}: ${JSON.stringify(result.visits.at(-1))}`,
        );
      }
    }
    return report(results, builds);
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
    await database.drop();
    await postgres.stop();
  }
}

async function newContext(browser, baseURL) {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', viewport: { width: 390, height: 844 } });
  await context.addInitScript(observeReadiness);
  return context;
}

/** Unthrottled: the session the home page needs. */
async function signIn(context) {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(benchEmail(0));
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.close();
}

/** Runs in the page before its scripts: records long tasks and the moment the page became usable. */
function observeReadiness() {
  const state = { longTasks: [], readyAt: null, target: null };
  window.__benchReadiness = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      state.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (state.readyAt !== null || !state.target) return;
    if (document.querySelectorAll(state.target.selector).length >= state.target.count)
      state.readyAt = performance.now();
  };
  // The target comes from sessionStorage, set by the bench before navigating.
  state.target = JSON.parse(sessionStorage.getItem('bench-ready') ?? 'null');
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}

async function visit(context, target) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Network.enable');
    // sessionStorage is per tab and origin: a same-origin JSON response first, then the page itself.
    await page.goto('/api/health');
    await page.evaluate((ready) => sessionStorage.setItem('bench-ready', JSON.stringify(ready)), target.ready);
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(target.path, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchReadiness?.readyAt != null, null, {
      timeout: 120_000,
      polling: 500,
    });
    // Settled: no long task for QUIET_MS after the page became usable and after the last long task.
    for (;;) {
      const { now, readyAt, lastEnd } = await page.evaluate(() => {
        const state = window.__benchReadiness;
        return {
          now: performance.now(),
          readyAt: state.readyAt,
          lastEnd: Math.max(0, ...state.longTasks.map((task) => task.end)),
        };
      });
      if (now - Math.max(readyAt, lastEnd) >= QUIET_MS) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return await page.evaluate(() => {
      const state = window.__benchReadiness;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'))
        .reduce((sum, entry) => sum + entry.encodedBodySize, 0);
      const longTasksBeforeReady = state.longTasks.filter((task) => task.start < state.readyAt).length;
      const lastLongTaskEnd = Math.max(0, ...state.longTasks.map((task) => task.end));
      return {
        fcp: Math.round(fcp),
        ready: Math.round(state.readyAt),
        tti: Math.round(Math.max(state.readyAt, lastLongTaskEnd)),
        longTasksBeforeReady,
        scriptKb: Math.round(scripts / 100) / 10,
      };
    });
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
/** A folder of the repository by its relative path, any other in full. */
const shown = (dir) => (relative(ROOT, dir).startsWith('..') ? dir : relative(ROOT, dir));
const seconds = (ms) => (ms / 1000).toFixed(2);

function report(results, builds) {
  const rows = results.map(({ target, build, visits }) => {
    const values = (key) => visits.map((visit) => visit[key]);
    const range = (key) => `${seconds(Math.min(...values(key)))}–${seconds(Math.max(...values(key)))}`;
    return (
      `| ${target.name} | ${build.label} | ${median(values('scriptKb'))} | ${seconds(median(values('fcp')))} | ` +
      `${seconds(median(values('ready')))} | **${seconds(median(values('tti')))}** | ${range('tti')} |`
    );
  });
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} CPU cores shared with other work, Node ` +
      `${process.version}, headless Chromium from \`${CHROMIUM}\`, the API server from \`apps/api/dist\` serving ` +
      `${builds.map((build) => `${build.label}: \`${shown(build.dist)}\``).join('; ')}; on loopback, ` +
      `${RUNS} cold visits per page and build, interleaved (median, and the range of TTI). Command: ` +
      '`npm run bench -- first-page-interactive`; `BENCH_BASELINE_DIST=<dir>` adds another build of the SPA ' +
      '(`BENCH_BASELINE_LABEL` names it), served by a second server of the same API.',
    '',
    `Throttling through the DevTools protocol: \`Emulation.setCPUThrottlingRate\` ${CPU_SLOWDOWN}× and ` +
      `\`Network.emulateNetworkConditions\` with ${NETWORK.latency} ms latency per request and ` +
      `${(NETWORK.downloadThroughput * 8) / 1000} kbit/s down and ${(NETWORK.uploadThroughput * 8) / 1000} kbit/s up ` +
      `(DevTools' "Slow 3G" throughput; its preset adds 2 s latency, this one 400 ms). A 390 × 844 viewport, browser ` +
      'cache cleared before each visit, the session cookie kept (the home page needs it).',
    '',
    '**Ready**: the page is usable — sign-in shows its enabled submit button, the mail programs page its three ' +
      'enabled protocol switches (after the session and the settings have arrived). The SPA renders on the ' +
      'client, so a rendered control has its handlers. **TTI** (time to interactive): the later of ready and ' +
      `the end of the last long task (≥ 50 ms), once the main thread then stays free of long tasks for ${QUIET_MS / 1000} s. ` +
      'All times from navigation start. "Scripts" is what the browser fetched for the visit (Brotli, as served).',
    '',
    '| Page | SPA build | scripts kB | first paint s | ready s | TTI s | TTI range s |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
