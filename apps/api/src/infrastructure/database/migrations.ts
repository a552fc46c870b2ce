// The schema engine runs as WebAssembly (see prisma/README.md), so the API can bring the database
// up to date at start on machines where Prisma's native engine cannot be downloaded. Migrations run
// as the owner role (DATABASE_MIGRATION_URL, else DATABASE_URL), which then grants the app role
// (DATABASE_URL's user) what the app needs (packages/db/src/app-role-grants.mjs).
import { migrateDatabase } from '@mailgate/db';

export async function applyPendingMigrations(
  urls: { migrationUrl: string; appUrl: string },
  log: (message: string) => void,
): Promise<string[]> {
  return migrateDatabase({ ...urls, log });
}
