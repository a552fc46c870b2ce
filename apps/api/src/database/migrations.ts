// The schema engine runs as WebAssembly (see prisma/README.md), so the API can bring the database
// up to date at start on machines where Prisma's native engine cannot be downloaded.
import { applyMigrations } from '../../../../scripts/lib/schema-engine.mjs';

export async function applyPendingMigrations(databaseUrl: string, log: (message: string) => void): Promise<string[]> {
  return applyMigrations(databaseUrl, { log });
}
