import { Global, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import { MailgateMetrics } from './mailgate-metrics.js';
import { MetricsServer } from './metrics.server.js';
import { samplePool } from './pool-sampler.js';

/** Reports the main (Prisma) pool; the attempt writer reports its own pool. */
@Injectable()
class MainPoolSampler implements OnModuleDestroy {
  private readonly stop: () => void;

  constructor(metrics: MailgateMetrics, prisma: PrismaService) {
    this.stop = samplePool(metrics, 'main', prisma.pool);
  }

  onModuleDestroy(): void {
    this.stop();
  }
}

/**
 * Prometheus metrics: the typed registry every feature counts into (global, one per app
 * instance) and the endpoint on its own port. See metric-definitions.ts for what is exported.
 */
@Global()
@Module({
  providers: [MailgateMetrics, MetricsServer, MainPoolSampler],
  exports: [MailgateMetrics, MetricsServer],
})
export class MetricsModule {}
