import { Global, Module } from '@nestjs/common';
import { HealthModule } from '../health/health.module.js';
import { RedisService } from './redis.service.js';

@Global()
@Module({ imports: [HealthModule], providers: [RedisService], exports: [RedisService] })
export class RedisModule {}
