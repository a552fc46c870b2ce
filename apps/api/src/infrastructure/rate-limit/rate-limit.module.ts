import { Global, Module } from '@nestjs/common';
import { AttemptLimiter } from './attempt-limiter.js';
import { CounterStore } from './counter-store.js';

@Global()
@Module({ providers: [CounterStore, AttemptLimiter], exports: [CounterStore, AttemptLimiter] })
export class RateLimitModule {}
