// Vitest globalSetup: one migrated database for the whole run, dropped at the end.
// Tests read its URL with inject('databaseUrl'); inject('databaseServerUrl') lets a test create
// its own extra database on the same server (see createTestDatabase).
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from './test-database.js';
import './provided-context.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase();
  project.provide('databaseUrl', database.url);
  project.provide('databaseServerUrl', database.serverUrl);
  return () => database.drop();
}
