// The generated client must import `.js` files wherever `prisma generate` runs. Left to itself, the
// generator infers the import extension from a tsconfig.json near its output; without one (as in a
// container build that installs before copying tsconfig.json) it writes `./internal/class.ts`, which
// the compiled API cannot load. So prisma/schema.prisma pins the options; this test generates from a
// copy of it in a folder with no tsconfig.json anywhere above, and fails if a pin goes.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const GENERATE = path.join(ROOT, 'packages/db/bin/generate.mjs');
const OUTPUT_LINE = /^(\s*output\s*=\s*)"[^"]*"/m;

let dir;

/** Every relative module specifier in the generated code (`from './x'`, `import('./x')`), comments left out. */
function relativeImports(folder) {
  const found = [];
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const code = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .join('\n');
    for (const match of code.matchAll(/(?:from\s*|import\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
      found.push({ file: path.relative(folder, file), specifier: match[1] });
    }
  }
  return found;
}

function tsconfigAbove(folder) {
  for (let current = folder; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, 'tsconfig.json'))) return current;
    if (path.dirname(current) === current) return null;
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailgate-generate-'));
  const schema = fs.readFileSync(path.join(ROOT, 'prisma/schema.prisma'), 'utf8');
  if (!OUTPUT_LINE.test(schema)) throw new Error('prisma/schema.prisma has no `output = "…"` line to redirect');
  fs.writeFileSync(path.join(dir, 'schema.prisma'), schema.replace(OUTPUT_LINE, '$1"./client"'));
  await promisify(execFile)(process.execPath, [GENERATE, path.join(dir, 'schema.prisma')], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: '' },
  });
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Prisma client generated without a tsconfig.json', () => {
  it('is generated where no tsconfig.json could steer the generator', () => {
    expect(tsconfigAbove(dir)).toBeNull();
    expect(fs.existsSync(path.join(dir, 'client/client.ts'))).toBe(true);
  });

  it('imports only `.js` files, so the compiled API can load it', () => {
    const imports = relativeImports(path.join(dir, 'client'));
    expect(imports.map(({ specifier }) => specifier)).toContain('./internal/class.js');
    expect(imports.filter(({ specifier }) => !specifier.endsWith('.js'))).toEqual([]);
  });
});
