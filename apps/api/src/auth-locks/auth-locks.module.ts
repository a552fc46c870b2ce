import { Global, Module } from '@nestjs/common';
import { Clock } from '../infrastructure/common/clock/clock.js';
import { AuthLocksService } from './auth-locks.service.js';
import { BruteForceService } from './brute-force.service.js';
import { LockStore } from './lock-store.js';
import { FamiliarIpStore } from './familiar-ip.store.js';

/**
 * Brute-force locks per login family. Mail logins (IMAP, POP3, SMTP AUTH: family MAIL) use them;
 * the web sign-in keeps its own failure limits (auth/auth-limits.ts) in separate counters,
 * so an attack on one family never locks the other (see docs/architecture.md).
 */
@Global()
@Module({
  providers: [Clock, LockStore, FamiliarIpStore, AuthLocksService, BruteForceService],
  exports: [Clock, LockStore, AuthLocksService, BruteForceService],
})
export class AuthLocksModule {}
