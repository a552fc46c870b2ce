import { Global, Module } from '@nestjs/common';
import { ServiceTokensService } from './service-tokens.service.js';
import { ServiceTokenGuard } from './service-token.guard.js';

@Global()
@Module({ providers: [ServiceTokensService, ServiceTokenGuard], exports: [ServiceTokensService, ServiceTokenGuard] })
export class ServiceTokensModule {}
