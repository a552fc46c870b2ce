import type pg from 'pg';
import type { MailgateMetrics } from './mailgate-metrics.js';

/** A name for each connection pool of the process (a closed set: it becomes a label value). */
export type PoolName = 'main' | 'attempts';

/** Reports a `pg` pool's size, idle connections and waiting queries at every scrape. */
export function samplePool(metrics: MailgateMetrics, pool: PoolName, source: pg.Pool): () => void {
  return metrics.addSampler(() => {
    metrics.dbPoolConnections.set({ pool, state: 'total' }, source.totalCount);
    metrics.dbPoolConnections.set({ pool, state: 'idle' }, source.idleCount);
    metrics.dbPoolWaiting.set({ pool }, source.waitingCount);
    metrics.dbPoolMax.set({ pool }, source.options.max ?? 10);
  });
}
