// @mailgate/db: everything that creates, migrates or describes the database, in one package with
// its runtime dependencies pinned, so that the production start (which migrates) has them.
import { appRoleFor, grantAppRole } from './app-role-grants.mjs';
import { applyMigrations } from './schema-engine.mjs';

export * from './schema-engine.mjs';
export * from './migration-snapshot.mjs';
export * from './app-role-grants.mjs';

/**
 * Applies pending migrations as the owner (`migrationUrl`), then grants the app role (the user of
 * `appUrl`, when it differs) its privileges on every table. Returns the migrations applied.
 */
export async function migrateDatabase({ migrationUrl, appUrl, log = () => {} }) {
  const appRole = appRoleFor(migrationUrl, appUrl);
  const applied = await applyMigrations(migrationUrl, { log });
  if (appRole) {
    await grantAppRole(migrationUrl, appRole);
    log(`granted the app role ${appRole} its privileges`);
  }
  return applied;
}
