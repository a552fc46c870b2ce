import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { METRIC_DEFINITIONS, type MetricDefinitions, type MetricKey } from './metric-definitions.js';

type LabelsOf<D> = D extends { readonly labelNames: readonly (infer L extends string)[] } ? L : never;

/** The prom-client type of each definition, typed by its label names. */
export type MetricOf<D> = D extends { readonly type: 'counter' }
  ? Counter<LabelsOf<D>>
  : D extends { readonly type: 'gauge' }
    ? Gauge<LabelsOf<D>>
    : Histogram<LabelsOf<D>>;

/**
 * One registry per application instance (never prom-client's global one), so two apps in one
 * process (tests, or a benchmark beside the API) never mix their numbers. Features inject this
 * and count through its typed fields; gauges that are read rather than counted (queue depth,
 * pool sizes) register a sampler that runs just before each scrape.
 */
export class MailgateMetrics {
  readonly registry = new Registry();
  // Created before the typed fields below, which read from it.
  private readonly metrics = createMetrics(this.registry);
  private readonly samplers = new Set<() => void>();
  private processMetrics = false;

  readonly mailDecisions = this.get('mailDecisions');
  readonly mailDecisionSeconds = this.get('mailDecisionSeconds');
  readonly mailTempfails = this.get('mailTempfails');
  readonly mailCacheLookups = this.get('mailCacheLookups');
  readonly locksSet = this.get('locksSet');
  readonly doveadmCalls = this.get('doveadmCalls');
  readonly attemptQueueDepth = this.get('attemptQueueDepth');
  readonly attemptFlushSeconds = this.get('attemptFlushSeconds');
  readonly attemptsDropped = this.get('attemptsDropped');
  readonly webSignIns = this.get('webSignIns');
  readonly rateLimitRefusals = this.get('rateLimitRefusals');
  readonly dbPoolConnections = this.get('dbPoolConnections');
  readonly dbPoolWaiting = this.get('dbPoolWaiting');
  readonly dbPoolMax = this.get('dbPoolMax');

  /** Runs `sample` before every scrape (to set gauges from live state); returns the way to stop. */
  addSampler(sample: () => void): () => void {
    this.samplers.add(sample);
    return () => this.samplers.delete(sample);
  }

  /**
   * prom-client's process metrics (event-loop lag, CPU, memory, GC). Only for an instance whose
   * endpoint is on: each call starts an event-loop monitor that lives as long as the process.
   */
  collectProcessMetrics(): void {
    if (this.processMetrics) return;
    this.processMetrics = true;
    collectDefaultMetrics({ register: this.registry });
  }

  /** The exposition text of every metric, after running the samplers. */
  async render(): Promise<string> {
    for (const sample of this.samplers) sample();
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private get<K extends MetricKey>(key: K): MetricOf<MetricDefinitions[K]> {
    return this.metrics.get(key) as MetricOf<MetricDefinitions[K]>;
  }
}

function createMetrics(registry: Registry): Map<MetricKey, Counter | Gauge | Histogram> {
  const metrics = new Map<MetricKey, Counter | Gauge | Histogram>();
  for (const [key, definition] of Object.entries(METRIC_DEFINITIONS) as [MetricKey, MetricDefinitions[MetricKey]][]) {
    const configuration = {
      name: definition.name,
      help: definition.help,
      labelNames: [...definition.labelNames],
      registers: [registry],
    };
    metrics.set(
      key,
      definition.type === 'counter'
        ? new Counter(configuration)
        : definition.type === 'gauge'
          ? new Gauge(configuration)
          : new Histogram({ ...configuration, buckets: [...definition.buckets] }),
    );
  }
  return metrics;
}
