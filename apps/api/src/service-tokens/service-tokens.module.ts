import { Module } from '@nestjs/common';
import { ServiceTokensService } from './service-tokens.service.js';

// Interim module from the admin branch; the mail branch's module replaces it at merge.
@Module({ providers: [ServiceTokensService], exports: [ServiceTokensService] })
export class ServiceTokensModule {}
