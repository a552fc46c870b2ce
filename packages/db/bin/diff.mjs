#!/usr/bin/env node
// `npm run db:diff -- <name>`: writes prisma/migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql with
// the SQL that takes the schema as of the newest migration (prisma/migrations/.schema-snapshot.prisma)
// to the current prisma/schema.prisma, then updates the snapshot. Needs no database.
//
//   npm run db:diff -- <name>                 new migration, or "no changes"
//   npm run db:diff -- <name> --allow-empty   always create it (for hand-written SQL), with the
//                                             generated statements, if any, first
//   npm run db:diff -- --check                exit 1 if the schema has changes no migration captures
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pendingSchemaChanges, readSnapshot, writeSnapshot } from '../src/migration-snapshot.mjs';
import {
  listMigrations,
  MIGRATION_LOCK_CONTENT,
  MIGRATION_LOCK_FILE,
  MIGRATIONS_DIR,
  ROOT_DIR,
  SCHEMA_PATH,
} from '../src/schema-engine.mjs';

const USAGE = 'usage: npm run db:diff -- <name> [--allow-empty]   |   npm run db:diff -- --check';

function fail(message) {
  console.error(`[db:diff] ${message}`);
  process.exit(1);
}

function migrationSlug(raw) {
  const slug = raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) fail(`"${raw}" is not a usable migration name\n${USAGE}`);
  return slug;
}

// UTC, like Prisma; strictly after the newest migration so that the folder order is the history.
function nextTimestamp(existing) {
  const asStamp = (date) => date.toISOString().replace(/\D/g, '').slice(0, 14);
  let stamp = asStamp(new Date());
  const newest = existing.at(-1)?.slice(0, 14);
  if (newest && stamp <= newest) {
    const [, y, mo, d, h, mi, s] = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/.exec(newest);
    stamp = asStamp(new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s + 1)));
  }
  return stamp;
}

const HAND_WRITTEN_MARKER = '-- Hand-written SQL below (not expressible in schema.prisma).\n';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'allow-empty': { type: 'boolean' }, check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return console.log(USAGE);

  const migrations = listMigrations();
  const snapshot = readSnapshot();
  if (snapshot && migrations.length > 0 && snapshot.afterMigration !== migrations.at(-1)) {
    console.warn(
      `[db:diff] warning: the snapshot was written after ${snapshot.afterMigration}, but the newest migration is ` +
        `${migrations.at(-1)}; migrations not made with db:diff must not change what schema.prisma describes.`,
    );
  }
  const changes = await pendingSchemaChanges().catch((error) => fail(error.message));

  if (values.check) {
    if (!changes) return console.log('[db:diff] no changes: migrations match prisma/schema.prisma');
    console.error(changes);
    fail('prisma/schema.prisma has changes no migration captures: run `npm run db:diff -- <name>`');
  }

  if (positionals.length !== 1) fail(USAGE);
  if (!changes && !values['allow-empty']) return console.log('[db:diff] no changes');

  const name = `${nextTimestamp(migrations)}_${migrationSlug(positionals[0])}`;
  const dir = path.join(MIGRATIONS_DIR, name);
  fs.mkdirSync(dir, { recursive: true });
  const sql = values['allow-empty'] ? `${changes}${changes ? '\n' : ''}${HAND_WRITTEN_MARKER}` : changes;
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
  writeSnapshot(fs.readFileSync(SCHEMA_PATH, 'utf8'), name);
  const lockPath = path.join(MIGRATIONS_DIR, MIGRATION_LOCK_FILE);
  if (!fs.existsSync(lockPath)) fs.writeFileSync(lockPath, MIGRATION_LOCK_CONTENT);

  console.log(`[db:diff] wrote ${path.relative(ROOT_DIR, path.join(dir, 'migration.sql'))}`);
  if (values['allow-empty']) console.log('[db:diff] add your SQL at the end of it before applying it anywhere.');
}

await main();
