import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule } from './infrastructure/config/config.module.js';
import type { AppConfig } from './infrastructure/config/config.js';
import { DatabaseModule } from './infrastructure/database/database.module.js';
import { MetricsModule } from './infrastructure/metrics/metrics.module.js';
import { HealthModule } from './infrastructure/health/health.module.js';
import { AuditModule } from './audit/audit.module.js';
import { CryptoModule } from './infrastructure/common/crypto/crypto.module.js';
import { NoticesModule } from './notices/notices.module.js';
import { MailModule } from './mail/mail.module.js';
import { SessionModule } from './auth/session.module.js';
import { AccountEventsModule } from './account-events/account-events.module.js';
import { RedisModule } from './infrastructure/redis/redis.module.js';
import { RateLimitModule } from './infrastructure/rate-limit/rate-limit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AccountModule } from './account/account.module.js';
import { MailAuthModule } from './mail-auth/mail-auth.module.js';
import { AdminModule } from './admin/admin.module.js';
import { MailSetupModule } from './mail-setup/mail-setup.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extraImports: (Type | DynamicModule)[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DiscoveryModule,
        DatabaseModule,
        MetricsModule,
        CryptoModule,
        AuditModule,
        MailModule,
        NoticesModule,
        SessionModule,
        AccountEventsModule,
        HealthModule,
        RedisModule,
        RateLimitModule,
        AuthModule,
        AccountModule,
        MailAuthModule,
        AdminModule,
        MailSetupModule,
        ...extraImports,
      ],
    };
  }
}
