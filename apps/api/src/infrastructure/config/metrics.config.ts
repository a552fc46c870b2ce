import { z } from 'zod';

/**
 * The Prometheus endpoint. It is never on the public port: it listens on a port of its own, off
 * unless METRICS_PORT is set, and on loopback unless METRICS_HOST says otherwise (a scraper on
 * another machine needs a private interface; the endpoint has no authentication of its own).
 */
export const METRICS_ENVIRONMENT = {
  /** Port of the metrics listener (`GET /metrics`); unset = no metrics endpoint. 0 = any free port (tests). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
};
