// Vitest globalSetup: one migrated database for the whole run, dropped at the end, with
// production's two roles: tests read the app role's URL with inject('databaseUrl') (what the API
// connects as), the owner's with inject('databaseOwnerUrl') (for what only the owner may do);
// inject('databaseServerUrl') lets a test create its own extra database on the same server (see
// createTestDatabase).
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from './test-database.js';
import './provided-context.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase({ roles: true });
  project.provide('databaseUrl', database.url);
  project.provide('databaseOwnerUrl', database.ownerUrl);
  project.provide('databaseServerUrl', database.serverUrl);
  return () => database.drop();
}
