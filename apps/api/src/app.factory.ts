import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import fastifyCookie from '@fastify/cookie';
import { LogController } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './infrastructure/config/config.js';
import { DEFAULT_WEB_DIST_DIR } from './infrastructure/config/paths.js';
import { registerStrictJsonParser } from './infrastructure/common/http/json-body-parser.js';
import { registerDrainGuard } from './infrastructure/common/lifecycle/drain-guard.js';
import { ProblemExceptionFilter, renderFrameworkError } from './infrastructure/common/http/problem-exception.filter.js';
import { registerResponseCompression } from './infrastructure/common/http/response-compression.js';
import { generateRequestId } from './infrastructure/common/http/request-id.js';
import { registerSecurityHeaders } from './infrastructure/common/http/security-headers.js';
import { createRootLogger, PinoNestLogger } from './infrastructure/common/logging/logger.js';
import { ReadinessService } from './infrastructure/health/readiness.service.js';
import { buildOpenApiDocument } from './infrastructure/openapi/openapi-document.js';
import { collectRouteTable } from './infrastructure/openapi/route-table.js';
import { registerSpa } from './infrastructure/spa/spa-static.js';
import { AUTODISCOVER_PATHS } from './mail-setup/autoconfig.controller.js';
import { registerXmlBodyParser } from './mail-setup/xml-body-parser.js';

export const API_VERSION = '0.1.0';

/**
 * Builds the whole HTTP application (used by `main.ts` and by tests, which call `inject()` on it
 * without opening a port). Nothing here reads `process.env`: configuration comes in parsed.
 */
export interface CreateAppOptions {
  logger?: Logger;
  /** Extra modules mounted beside the product's (tests use this for probe routes). */
  imports?: (Type | DynamicModule)[];
}

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createRootLogger(config.LOG_LEVEL);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: generateRequestId,
    trustProxy: parseTrustProxy(config.TRUST_PROXY),
    // Mail servers reconnect constantly; keep-alive beyond Node's 5 s default saves handshakes.
    keepAliveTimeout: 65_000,
    // An e-mail address in a path (the mail servers' user lookup) may take 254 characters, each up
    // to 3 bytes percent-encoded; Fastify's default of 100 refused long addresses.
    routerOptions: { maxParamLength: 1024 },
    frameworkErrors: renderFrameworkError,
    // While draining, registerDrainGuard answers instead, so /api/ready can still say "draining".
    return503OnClosing: false,
    // The "incoming request"/"request completed" lines (off by default in demo mode only).
    logController: new LogController({ disableRequestLogging: !config.LOG_REQUESTS }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options.imports), adapter, {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  registerStrictJsonParser(fastify);
  registerXmlBodyParser(fastify, AUTODISCOVER_PATHS);
  await fastify.register(fastifyCookie);
  // Before the SPA's static files and the routes (app.init below), so its hook covers them all.
  await registerResponseCompression(fastify);
  await registerSecurityHeaders(fastify);
  // Requests arrive only after app.init below, when the service exists; looked up once.
  const found: { readiness?: ReadinessService } = {};
  registerDrainGuard(fastify, () => (found.readiness ??= app.get(ReadinessService)).isDraining());
  const spaFallback = await registerSpa(fastify, config.WEB_DIST_DIR ?? DEFAULT_WEB_DIST_DIR);
  app.useGlobalFilters(new ProblemExceptionFilter(spaFallback));
  // No app.enableShutdownHooks(): main.ts handles SIGTERM itself, so that requests in flight are
  // answered before any module shuts down (Nest's own order is the other way round).

  await app.init();
  const document = buildOpenApiDocument(
    collectRouteTable(app).map((entry) => entry.operation),
    API_VERSION,
  );
  SwaggerModule.setup('api/docs', app, document as never, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Mailgate API',
  });
  return app;
}

function parseTrustProxy(value: string): string[] | false {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.length > 0 ? entries : false;
}
