// Migrations that survive a kill. Prisma's engine records a migration as started, runs its
// script, then records it as finished, in three separate statements: a process killed between
// them leaves a started, unfinished `_prisma_migrations` row, and every later start refuses to
// migrate ("found failed migrations") until someone repairs the table by hand.
//
// What makes recovery safe here:
// 1. The whole script runs as one simple-protocol query, which PostgreSQL runs in one implicit
//    transaction (see postgresAdapterFactory in schema-engine.mjs). Appended to that same query is
//    the UPDATE that marks the row finished, so the schema change and "finished" commit together:
//    a row that is still unfinished means the script's changes were rolled back, not half-done.
// 2. Before looking at unfinished rows we wait for Prisma's own migration lock: a migrator that
//    still runs (another instance, `prisma migrate deploy`, or the server-side backend of a killed
//    process finishing its last statement) holds it, so what we see afterwards is final.
// 3. Such a row is then marked rolled back (as `prisma migrate resolve --rolled-back` does, so
//    the history stays readable by Prisma's CLI) and the engine applies the migration again.
// Scripts that cannot run in one transaction (CONCURRENTLY, explicit COMMIT, VACUUM…) get no
// marker and are never recovered automatically: the start fails and names the migration.
import pg from 'pg';

/** Prisma's own advisory lock id for migrations (held by its engine and by `prisma migrate`). */
const PRISMA_MIGRATE_LOCK = 72707369;
/** Ours, around recovery and apply, so instances starting together wait instead of timing out. */
const MAILGATE_MIGRATE_LOCK = 7881707833640149093n; // "mailgate" as ASCII bytes

const NON_TRANSACTIONAL =
  /\b(CONCURRENTLY|COMMIT|ROLLBACK|VACUUM|START\s+TRANSACTION|ALTER\s+SYSTEM|(CREATE|DROP)\s+DATABASE|(CREATE|DROP)\s+TABLESPACE)\b|\bBEGIN\s*;/i;

function withoutComments(sql) {
  return sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
}

/**
 * Migration name by script text, for the scripts whose "finished" mark can commit with them: one
 * transaction, and a text no other migration shares (the engine hands over the script, not its name).
 */
export function recoverableScripts(migrations) {
  const counts = new Map();
  for (const { script } of migrations) counts.set(script, (counts.get(script) ?? 0) + 1);
  const byScript = new Map();
  for (const { name, script } of migrations) {
    if (counts.get(script) === 1 && !NON_TRANSACTIONAL.test(withoutComments(script))) byScript.set(script, name);
  }
  return byScript;
}

/** The script with the UPDATE that marks its own row finished, in the same implicit transaction. */
export function withFinishedMark(script, name) {
  // After a newline, so a trailing `--` comment cannot swallow it; the `;` ends any last statement.
  return `${script}\n;\nUPDATE "_prisma_migrations" SET "finished_at" = now() WHERE "migration_name" = '${name}' AND "finished_at" IS NULL AND "rolled_back_at" IS NULL;`;
}

/**
 * Runs `work` while holding Mailgate's migration lock on its own connection (released by
 * PostgreSQL if this process dies), after repairing what an interrupted run left behind.
 */
export async function withRecoveredMigrationState(databaseUrl, migrations, log, work) {
  const client = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: 30_000,
    application_name: 'mailgate-migrate',
  });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MAILGATE_MIGRATE_LOCK.toString()]);
    await recoverInterrupted(client, recoverableScripts(migrations), log);
    return await work();
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function recoverInterrupted(client, recoverable, log) {
  const { rows: table } = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  if (!table[0].present) return;
  // Wait until no migrator is running anywhere; then unfinished rows are final.
  await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
  try {
    const { rows } = await client.query(
      `SELECT id, migration_name FROM "_prisma_migrations" WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at`,
    );
    for (const row of rows) {
      const safe = [...recoverable.values()].includes(row.migration_name);
      if (!safe) {
        throw new Error(
          `migration ${row.migration_name} was started but never finished, and it cannot be rolled back ` +
            'automatically (it does not run in one transaction, or this build does not ship it). Check what it ' +
            'changed, then mark it with `prisma migrate resolve --rolled-back` or `--applied`.',
        );
      }
      await client.query(
        `UPDATE "_prisma_migrations" SET rolled_back_at = now(),
           logs = coalesce(logs || E'\\n', '') || 'Interrupted before it committed; marked rolled back by Mailgate and applied again.'
         WHERE id = $1`,
        [row.id],
      );
      log(`recovered interrupted migration ${row.migration_name}: nothing of it was committed, applying it again`);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]);
  }
}
