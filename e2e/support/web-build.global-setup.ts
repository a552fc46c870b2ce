// Vitest globalSetup: the browser tests drive the built SPA exactly as `npm start` serves it.
// buildWeb() is incremental, so this is quick when nothing changed since the last build.
import { buildWeb } from '../../scripts/lib/build.mjs';

export default async function setup(): Promise<void> {
  await buildWeb();
}
