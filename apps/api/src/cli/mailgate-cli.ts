import 'reflect-metadata';
import { ConfigError, loadConfig } from '../infrastructure/config/config.js';
import { runMailgateCli } from './mailgate-cli.command.js';

// Entry of `npm run mailgate -- …` (scripts/tasks/mailgate.mjs runs the compiled file).
// The token goes to stdout alone, everything else to stderr, so `$(npm run -s mailgate -- token create x)` works.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(
      `${error.message}\nThe CLI needs the API's DATABASE_URL and MAILGATE_SECRET_KEY (see README.md, Configuration).\n`,
    );
    process.exit(1);
  }
  const code = await runMailgateCli(process.argv.slice(2), config, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.exit(code);
}

void main().catch((error: unknown) => {
  process.stderr.write(`mailgate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
