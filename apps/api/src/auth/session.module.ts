import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SessionGuard } from './session.guard.js';
import { SessionService } from './session.service.js';

/** Sessions and the global guard; the sign-in endpoints live in AuthModule. */
@Global()
@Module({
  providers: [SessionService, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [SessionService],
})
export class SessionModule {}
