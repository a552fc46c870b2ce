import { Global, Module } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import { AuthLocksService } from './auth-locks.service.js';
import { BruteForceService } from './brute-force.service.js';
import { LockStore } from './lock-store.js';

/** Brute-force locks for every login family (mail now; the web sign-in can use the same service). */
@Global()
@Module({
  providers: [Clock, LockStore, AuthLocksService, BruteForceService],
  exports: [Clock, LockStore, AuthLocksService, BruteForceService],
})
export class AuthLocksModule {}
