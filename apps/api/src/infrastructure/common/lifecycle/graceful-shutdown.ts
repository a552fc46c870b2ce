import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { ReadinessService } from '../../health/readiness.service.js';

/** How often sockets whose last request has been answered are closed while draining. */
const REAP_IDLE_EVERY_MS = 100;

export interface GracefulShutdownOptions {
  logger: Logger;
  /** After this long the process exits anyway (keep it below the orchestrator's grace period). */
  timeoutMs: number;
  signals?: readonly NodeJS.Signals[];
  exit?: (code: number) => void;
}

/**
 * Stops on SIGTERM (or Ctrl-C) in the order an orchestrator expects. First the HTTP side:
 * `/api/ready` turns to 503 "draining" (load balancers stop sending work), the listener closes, a request arriving on an already open keep-alive connection gets a 503 with
 * `Connection: close`, and every request in flight (mail decisions included) is answered while
 * the database, Redis and the login-attempt recorder are still there. Then the modules shut down:
 * the recorder writes every attempt it buffered, pools and Redis close. Nest's own
 * `enableShutdownHooks` runs the modules' hooks first, while requests are still being served.
 */
export function stopGracefullyOnSignals(app: NestFastifyApplication, options: GracefulShutdownOptions): void {
  const { logger, timeoutMs, signals = ['SIGTERM', 'SIGINT'], exit = (code) => process.exit(code) } = options;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: answering the requests in flight, accepting no new ones');
    setTimeout(() => {
      logger.error({ timeoutMs }, 'could not stop in time; exiting with work unfinished');
      logger.flush(() => exit(1));
    }, timeoutMs).unref();
    shutDown(app).then(
      () => {
        logger.info('stopped');
        logger.flush(() => exit(0));
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        logger.flush(() => exit(1));
      },
    );
  };
  for (const signal of signals) process.on(signal, stop);
}

/** Drains HTTP, then closes the application (its modules' destroy and shutdown hooks). */
export async function shutDown(app: NestFastifyApplication): Promise<void> {
  app.get(ReadinessService).startDraining();
  const server = app.getHttpServer();
  // Node closes idle keep-alive sockets once, when the listener closes; a socket whose request was
  // still running then would otherwise stay open until the client or keepAliveTimeout (65 s) ends it.
  const reaper = setInterval(() => server.closeIdleConnections(), REAP_IDLE_EVERY_MS);
  try {
    await app.getHttpAdapter().close();
  } finally {
    clearInterval(reaper);
  }
  await app.close();
}
