import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.mjs';
import { ROOT, say } from './run.mjs';
import { loadOrCreateSecretKey } from './secret-key.mjs';

/**
 * The environment the API runs with. Without DATABASE_URL, an embedded PostgreSQL in
 * .data/postgres, a generated server secret and demo mode; with it, the environment as given.
 * Returns a `stop` that shuts the embedded PostgreSQL down (a no-op otherwise).
 */
export async function prepareDatabaseEnvironment(baseEnv = process.env) {
  const env = { ...baseEnv };
  if (env.DATABASE_URL) return { env, stop: async () => {} };
  say('DATABASE_URL is not set: starting an embedded PostgreSQL in .data/postgres (demo mode)…');
  const embedded = await startEmbeddedPostgres({ dataDir: join(ROOT, '.data/postgres') });
  env.DATABASE_URL = embedded.databaseUrl;
  env.MAILGATE_SECRET_KEY ??= loadOrCreateSecretKey(join(ROOT, '.data/secret.key'));
  env.MAILGATE_DEMO ??= '1';
  return {
    env,
    stop: async () => {
      say('stopping the embedded PostgreSQL…');
      await embedded.stop().catch((error) => say(`could not stop PostgreSQL cleanly: ${error.message}`));
    },
  };
}
