#!/usr/bin/env node
// `npm run db:migrate`: applies pending migrations from prisma/migrations, with the same
// bookkeeping (`_prisma_migrations`) as `prisma migrate deploy`, but without Prisma's native
// engine (see ../src/schema-engine.mjs). Connects as DATABASE_MIGRATION_URL (the owner role) when
// set, then grants DATABASE_URL's role the app's privileges; otherwise migrates DATABASE_URL.
// Safe to run repeatedly.
import { migrateDatabase } from '../src/index.mjs';

function redacted(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable database URL)';
  }
}

const databaseUrl = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    '[db:migrate] DATABASE_URL is not set. Example:\n' +
      '  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/mailgate npm run db:migrate',
  );
  process.exit(1);
}

try {
  console.log(`[db:migrate] migrating ${redacted(databaseUrl)}`);
  const applied = await migrateDatabase({
    migrationUrl: databaseUrl,
    appUrl: process.env.DATABASE_URL,
    log: (line) => console.log(`[db:migrate] ${line}`),
  });
  console.log(
    applied.length === 0
      ? '[db:migrate] already up to date, nothing applied'
      : `[db:migrate] applied ${applied.length} migration(s):\n${applied.map((name) => `  - ${name}`).join('\n')}`,
  );
} catch (error) {
  console.error(`[db:migrate] ${error.message}`);
  process.exit(1);
}
