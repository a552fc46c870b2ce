// The schema as of the newest migration, kept next to the migrations so that authoring the next
// migration is a datamodel-to-datamodel diff (no database, no shadow database, no git history).
// Written only by `npm run db:diff`; see prisma/README.md.
import fs from 'node:fs';
import path from 'node:path';
import { diffSchemas, listMigrations, MIGRATIONS_DIR, SCHEMA_PATH } from './schema-engine.mjs';

export const SNAPSHOT_FILE = '.schema-snapshot.prisma';
const NOTE = '// Written by `npm run db:diff`: prisma/schema.prisma as of that migration. Do not edit.\n';
const HEADER = /^\/\/ mailgate:schema-snapshot after=(\S+)\n/;

/** `{ afterMigration, schema }`, or null when no snapshot was written yet. */
export function readSnapshot(migrationsDir = MIGRATIONS_DIR) {
  const file = path.join(migrationsDir, SNAPSHOT_FILE);
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, 'utf8');
  const header = HEADER.exec(text);
  if (!header) throw new Error(`${file} has no snapshot header; restore it from git rather than editing it`);
  const rest = text.slice(header[0].length);
  return { afterMigration: header[1], schema: rest.startsWith(NOTE) ? rest.slice(NOTE.length) : rest };
}

export function writeSnapshot(schema, afterMigration, migrationsDir = MIGRATIONS_DIR) {
  const header = `// mailgate:schema-snapshot after=${afterMigration}\n${NOTE}`;
  fs.writeFileSync(path.join(migrationsDir, SNAPSHOT_FILE), header + schema);
}

/**
 * SQL for the schema changes no migration captures yet: the diff from the snapshot (or from an
 * empty database when there are no migrations) to `schemaPath`. '' when migrations are complete.
 */
export async function pendingSchemaChanges({ schemaPath = SCHEMA_PATH, migrationsDir = MIGRATIONS_DIR } = {}) {
  const snapshot = readSnapshot(migrationsDir);
  if (!snapshot && listMigrations(migrationsDir).length > 0) {
    throw new Error(
      `${path.join(migrationsDir, SNAPSHOT_FILE)} is missing but migrations exist; restore it from git ` +
        '(it must be the schema as of the newest migration)',
    );
  }
  return diffSchemas(snapshot?.schema ?? null, fs.readFileSync(schemaPath, 'utf8'));
}
