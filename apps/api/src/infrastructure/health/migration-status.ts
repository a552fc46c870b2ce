import { readdir } from 'node:fs/promises';
import { MIGRATIONS_DIR } from '../config/paths.js';
import type { PrismaService } from '../database/prisma.service.js';

export async function listMigrationNames(directory = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && /^\d{14}_/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Names of migrations shipped with this build that the database has not (successfully) applied. */
export async function findPendingMigrations(prisma: PrismaService, shipped: readonly string[]): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((row) => row.migration_name));
  return shipped.filter((name) => !applied.has(name));
}
