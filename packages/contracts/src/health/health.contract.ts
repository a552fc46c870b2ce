import { z } from 'zod';
import { defineOperation } from '../common/operation.js';
import { routes } from '../routes.js';

export const ZHealthResponse = z.object({ status: z.literal('ok') }).meta({ id: 'HealthResponse' });
export type HealthResponse = z.infer<typeof ZHealthResponse>;

export const ZReadinessCheck = z.object({
  name: z.string(),
  ok: z.boolean(),
  detail: z.string().optional(),
});

export const ZReadinessResponse = z
  .object({
    status: z.enum(['ready', 'degraded', 'unavailable', 'draining']),
    checks: z.array(ZReadinessCheck),
  })
  .meta({ id: 'ReadinessResponse' });
export type ReadinessResponse = z.infer<typeof ZReadinessResponse>;

export const healthOperations = {
  liveness: defineOperation(routes.health.liveness, {
    tag: 'Health',
    summary: 'Liveness: the process is up.',
    responses: { 200: ZHealthResponse },
  }),
  readiness: defineOperation(routes.health.readiness, {
    tag: 'Health',
    summary: 'Readiness: the database is reachable and all migrations are applied.',
    description:
      'Answers 503 with the failing checks while not ready, and 503 "draining" (no checks) from the moment the process is told to stop. "degraded" means ready, with a fallback in use.',
    responses: { 200: ZReadinessResponse, 503: ZReadinessResponse },
  }),
};
