// The tests run Dovecot and Postfix with exactly the files an operator copies from deploy/. Only
// machine-specific values (paths, ports, URLs) are substituted, and every substitution must
// match: if a deploy file changes shape, the suite fails instead of silently testing something else.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const DEPLOY_DIR = path.join(REPO_ROOT, 'deploy');

export type Substitution = readonly [from: string | RegExp, to: string];

export function readDeployFile(relativePath: string): string {
  return readFileSync(path.join(DEPLOY_DIR, relativePath), 'utf8');
}

export function substitute(text: string, substitutions: readonly Substitution[], source: string): string {
  let result = text;
  for (const [from, to] of substitutions) {
    const matches = typeof from === 'string' ? result.includes(from) : from.test(result);
    if (!matches) throw new Error(`deploy/${source} no longer contains ${String(from)}: update the e2e harness`);
    result =
      typeof from === 'string'
        ? result.split(from).join(to)
        : result.replace(new RegExp(from.source, from.flags.includes('g') ? from.flags : `${from.flags}g`), to);
  }
  return result;
}

/** Copies deploy/<relativePath> to `destination` with the substitutions applied. */
export function installDeployFile(relativePath: string, destination: string, substitutions: readonly Substitution[]) {
  writeFileSync(destination, substitute(readDeployFile(relativePath), substitutions, relativePath));
}

/**
 * Turns on the opt-in block between the `# --- auth cache (opt-in) ---` markers the way the
 * README tells operators to: remove one leading `#` from each setting line (`##` lines are comments).
 */
export function enableAuthCacheBlock(text: string): string {
  const start = text.indexOf('# --- auth cache (opt-in) ---');
  const end = text.indexOf('# --- end of auth cache ---');
  if (start < 0 || end < start) throw new Error('deploy/dovecot: the auth cache block markers are missing');
  const block = text
    .slice(start, end)
    .split('\n')
    .map((line, index) => (index > 0 && /^#[^#]/.test(line) ? line.slice(1) : line))
    .join('\n');
  return text.slice(0, start) + block + text.slice(end);
}
