// Vitest globalSetup of the e2e project: builds the SPA when its sources changed (the API serves
// apps/web/dist, exactly as `npm start` does) and creates one migrated database for the run.
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from '../../apps/api/test/db/test-database.js';
import { buildWeb } from '../../scripts/lib/build.mjs';
import { ROOT } from '../../scripts/lib/run.mjs';
import '../../apps/api/test/db/provided-context.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // buildWeb runs `vite` by name; make sure the project's binaries are found however vitest started.
  process.env.PATH = `${path.join(ROOT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH ?? ''}`;
  await buildWeb();
  const database = await createTestDatabase();
  project.provide('databaseUrl', database.url);
  project.provide('databaseOwnerUrl', database.ownerUrl);
  project.provide('databaseServerUrl', database.serverUrl);
  return () => database.drop();
}
