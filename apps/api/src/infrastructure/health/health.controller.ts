import { Controller, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { healthOperations, type HealthResponse, type ReadinessResponse } from '@mailgate/contracts';
import { ContractRoute } from '../common/http/contract-route.decorator.js';
import { ReadinessService } from './readiness.service.js';
import { Public } from '../../auth/auth.decorators.js';

@Public()
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @ContractRoute(healthOperations.liveness)
  liveness(): HealthResponse {
    return { status: 'ok' };
  }

  @ContractRoute(healthOperations.readiness)
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessResponse> {
    const report = await this.readiness.check();
    if (report.status === 'unavailable' || report.status === 'draining') void reply.status(503);
    return report;
  }
}
