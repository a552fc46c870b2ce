import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { stopGracefullyOnSignals } from './infrastructure/common/lifecycle/graceful-shutdown.js';
import { ConfigError, loadConfig } from './infrastructure/config/config.js';
import { applyPendingMigrations } from './infrastructure/database/migrations.js';
import { PrismaService } from './infrastructure/database/prisma.service.js';
import { createRootLogger } from './infrastructure/common/logging/logger.js';
import { DEFAULT_DEMO_PASSWORD, seedDemoAccounts } from './demo/demo-accounts.js';
import { demoBanner, describeListenAddress } from './demo/start-banner.js';
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
    const applied = await applyPendingMigrations(
      { migrationUrl: config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL, appUrl: config.DATABASE_URL },
      (message) => logger.info(message),
    );
    logger.info({ applied }, applied.length ? 'applied migrations' : 'database schema is up to date');
  }
  const app = await createApp(config, { logger });
  const customDemoPassword = process.env.MAILGATE_DEMO_PASSWORD !== undefined;
  if (config.MAILGATE_DEMO) {
    await seedDemoAccounts(app.get(PrismaService), process.env.MAILGATE_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD);
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  stopGracefullyOnSignals(app, { logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  const address = { host: config.HOST, port: config.PORT };
  if (config.MAILGATE_DEMO) {
    // The banner replaces the "listening" log line (request lines are off in demo mode).
    const mail = app.get(MailTransport);
    process.stdout.write(
      demoBanner(address, {
        customPassword: customDemoPassword,
        // Recovery links and security mail have to land somewhere a newcomer can open them.
        outboxDir: mail.destination === 'files' ? mail.outboxDir : undefined,
      }),
    );
  } else {
    logger.info({ ...describeListenAddress(address), host: config.HOST, port: config.PORT }, 'Mailgate is listening');
  }
}

void bootstrap().catch((error: unknown) => {
  process.stderr.write(`Mailgate failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
