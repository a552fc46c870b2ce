// Child process for the migration tests: applies the migrations in argv[3] to the database at
// argv[2] and exits 0, or prints the error and exits 1. Killed mid-way on purpose by the tests.
import { applyMigrations } from '@mailgate/db';

const [databaseUrl, migrationsDir] = process.argv.slice(2);
try {
  const applied = await applyMigrations(databaseUrl, { migrationsDir });
  process.stdout.write(`${JSON.stringify(applied)}\n`);
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
