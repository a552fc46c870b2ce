// What the application's database role may do, granted by the owner role after every migration
// run. Two roles (see deploy/postgres/roles.sql and README.md, "Database roles"):
// - the owner (DATABASE_MIGRATION_URL) owns every table and applies migrations;
// - the app role (DATABASE_URL) reads and writes rows, and nothing more: no DDL (it owns nothing
//   and has no CREATE on the schema), no TRUNCATE anywhere, and on `audit_events` only SELECT and
//   INSERT, so the append-only rule does not rest on the trigger alone. A non-superuser can neither
//   disable that trigger (only the owner can) nor set `session_replication_role`.
// Granting here rather than through ALTER DEFAULT PRIVILEGES: default privileges would give the
// app UPDATE/DELETE on every new table, `audit_events` included, until someone revoked them.
// Granting after each run covers tables that new migrations add, and a grant is idempotent.
import pg from 'pg';

/** Tables the app may read and append to, but never change or empty. */
export const APPEND_ONLY_TABLES = ['audit_events'];
/** Prisma's bookkeeping: the app reads it (readiness compares it with the shipped migrations). */
export const READ_ONLY_TABLES = ['_prisma_migrations'];

/** The role name in a connection URL, or undefined when the URL names none (the OS user). */
export function roleOf(databaseUrl) {
  const user = new URL(databaseUrl).username;
  return user ? decodeURIComponent(user) : undefined;
}

/**
 * The app role to grant to, or undefined when the app connects as the migrating role itself (the
 * simple single-role setup, e.g. the embedded demo database).
 */
export function appRoleFor(migrationUrl, appUrl) {
  if (!appUrl || appUrl === migrationUrl) return undefined;
  const app = roleOf(appUrl);
  if (!app) throw new Error('DATABASE_URL must name its role (user) when DATABASE_MIGRATION_URL is set');
  return app === roleOf(migrationUrl) ? undefined : app;
}

/** The statements that give `appRole` exactly the app's privileges on the schema's tables. */
export function appRoleGrantStatements(appRole, schema = 'public') {
  const role = pg.escapeIdentifier(appRole);
  const inSchema = (table) => `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`;
  return [
    `GRANT USAGE ON SCHEMA ${pg.escapeIdentifier(schema)} TO ${role}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${pg.escapeIdentifier(schema)} FROM ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${pg.escapeIdentifier(schema)} TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${pg.escapeIdentifier(schema)} TO ${role}`,
    ...APPEND_ONLY_TABLES.map((table) => `REVOKE UPDATE, DELETE ON ${inSchema(table)} FROM ${role}`),
    ...READ_ONLY_TABLES.map((table) => `REVOKE INSERT, UPDATE, DELETE ON ${inSchema(table)} FROM ${role}`),
  ];
}

/**
 * Grants `appRole` the app's privileges, connected as the owner (`ownerUrl`), in one transaction
 * so that the app never sees a moment with more (or fewer) rights than intended.
 */
export async function grantAppRole(ownerUrl, appRole) {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'mailgate-migrate' });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const statement of appRoleGrantStatements(appRole)) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`granting the app role ${appRole} failed: ${error.message}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}
