// npm run bench [-- <name>...]: runs the benchmark modules in bench/ (all, or those whose file
// name contains one of the given names) and writes each one's section into docs/benchmarks.md.
//
// A bench module is `bench/<area>.bench.mjs` exporting `title` (the section heading) and
// `run({ root, say })`, which returns the section's Markdown body. Sections of modules that did
// not run are kept as they are, so each area can be re-measured on its own.
// (Minimal runner from the admin branch; the mail branch ships the same interface.)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApi } from '../lib/build.mjs';
import { ROOT, run, say } from '../lib/run.mjs';

const BENCH_DIR = join(ROOT, 'bench');
const OUTPUT = join(ROOT, 'docs/benchmarks.md');
const HEADER =
  '# Benchmarks\n\nMeasured by `npm run bench` on the machine named in each section. Numbers are only comparable ' +
  'within one section (same run, same machine).\n';

const filters = process.argv.slice(2);
const modules = readdirSync(BENCH_DIR)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();
if (modules.length === 0) {
  say(`no bench module matches ${filters.join(', ')}`);
  process.exit(2);
}

await buildApi();
let document = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : HEADER;
for (const name of modules) {
  const module = await import(pathToFileURL(join(BENCH_DIR, name)).href);
  say(`running ${name}: ${module.title}`);
  const body = await module.run({ root: ROOT, say });
  document = replaceSection(document, module.title, body.trim());
  writeFileSync(OUTPUT, document);
  say(`wrote the "${module.title}" section of docs/benchmarks.md`);
}
// Keep the generated document as `npm run lint` (Prettier) wants it.
await run('prettier', ['--write', '--log-level', 'warn', OUTPUT]);

/** Replaces the `## title` section (up to the next `## `) or appends it. */
function replaceSection(markdown, title, body) {
  const section = `## ${title}\n\n${body}\n`;
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line === `## ${title}`);
  if (start < 0) return `${markdown.trimEnd()}\n\n${section}`;
  let end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  if (end < 0) end = lines.length;
  return [...lines.slice(0, start), ...section.split('\n'), ...lines.slice(end)].join('\n').replace(/\n{3,}/g, '\n\n');
}
