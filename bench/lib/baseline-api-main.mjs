// The API as the mail-auth benchmark runs it: the production app (apps/api/dist) plus two
// baseline routes mounted from outside through createApp(config, { imports }), so that no
// benchmark code ships in the product. Started by startApiServer(env, { entry }) as a child.
//   POST /api/mail/v1/bench/echo    parses the same JSON body as a decision, answers a constant
//   POST /api/mail/v1/bench/argon2  one argon2id verify with the product's parameters
// Written without decorator syntax (plain Node runs this file): Nest's decorators are functions.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { createApp } from '../../apps/api/dist/app.factory.js';
import { Public } from '../../apps/api/dist/auth/auth.decorators.js';
import { hashPassword, verifyPassword } from '../../apps/api/dist/auth/password-hasher.js';
import { stopGracefullyOnSignals } from '../../apps/api/dist/infrastructure/common/lifecycle/graceful-shutdown.js';
import { loadConfig } from '../../apps/api/dist/infrastructure/config/config.js';
import { createRootLogger } from '../../apps/api/dist/infrastructure/common/logging/logger.js';

class BaselineController {
  /** A hash of a random secret: every verify fails after the full argon2id work, like a wrong password. */
  hash = hashPassword(randomBytes(24).toString('base64url'));

  echo() {
    return { decision: 'deny', reason: 'AUTH_FAILED' };
  }

  async argon2(body) {
    const password = typeof body?.password === 'string' ? body.password : '';
    return { ok: await verifyPassword(await this.hash, password) };
  }
}

const proto = BaselineController.prototype;
const decorateMethod = (name, decorators) =>
  Reflect.decorate(decorators, proto, name, Object.getOwnPropertyDescriptor(proto, name));
decorateMethod('echo', [Post('echo'), HttpCode(200)]);
decorateMethod('argon2', [Post('argon2'), HttpCode(200)]);
Body()(proto, 'argon2', 0);
Reflect.defineMetadata('design:paramtypes', [], BaselineController);
Reflect.decorate([Controller('api/mail/v1/bench'), Public()], BaselineController);

class BaselineModule {}
Reflect.decorate([Module({ controllers: [BaselineController] })], BaselineModule);

const config = loadConfig();
const logger = createRootLogger(config.LOG_LEVEL);
const app = await createApp(config, { logger, imports: [BaselineModule] });
await app.listen({ port: config.PORT, host: config.HOST });
stopGracefullyOnSignals(app, { logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
