import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/config.js';
import { applyPendingMigrations } from './database/migrations.js';
import { PrismaService } from './database/prisma.service.js';
import { createRootLogger } from './common/logging/logger.js';
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS, seedDemoAccounts } from './demo/demo-accounts.js';
import { MailTransport } from './mail/mail-transport.js';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee the configuration table in README.md.\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createRootLogger(config.LOG_LEVEL);
  if (config.MIGRATE_ON_START) {
    const applied = await applyPendingMigrations(config.DATABASE_URL, (message) => logger.info(message));
    logger.info({ applied }, applied.length ? 'applied migrations' : 'database schema is up to date');
  }
  const app = await createApp(config, { logger });
  if (config.MAILGATE_DEMO) {
    await seedDemoAccounts(app.get(PrismaService), process.env.MAILGATE_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = `http://localhost:${config.PORT}`;
  logger.info({ url }, 'Mailgate is listening');
  if (config.MAILGATE_DEMO) {
    const password = process.env.MAILGATE_DEMO_PASSWORD ? '(from MAILGATE_DEMO_PASSWORD)' : DEFAULT_DEMO_PASSWORD;
    process.stdout.write(
      `\n  Mailgate is running at ${url}\n  API docs: ${url}/api/docs\n\n  Demo sign-ins (local use only), password ${password}:\n` +
        DEMO_ACCOUNTS.map((account) => `    ${account.email.padEnd(20)} ${account.role.toLowerCase()}`).join('\n') +
        // Recovery links and security mail have to land somewhere a newcomer can open them.
        (app.get(MailTransport).destination === 'files'
          ? `\n\n  Outgoing mail (no SMTP_URL): .eml files in ${app.get(MailTransport).outboxDir}`
          : '') +
        '\n\n  Press Ctrl-C to stop.\n\n',
    );
  }
}

void bootstrap().catch((error: unknown) => {
  process.stderr.write(`Mailgate failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
