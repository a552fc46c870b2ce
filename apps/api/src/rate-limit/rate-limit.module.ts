import { Global, Module } from '@nestjs/common';
import { CounterStore } from './counter-store.js';

@Global()
@Module({ providers: [CounterStore], exports: [CounterStore] })
export class RateLimitModule {}
