/**
 * Runs at most `limit` tasks at a time; the others wait their turn in order. Used for argon2id,
 * which runs on libuv's small thread pool: if every pool thread were busy hashing, the database
 * driver's own pool work (e.g. SCRAM for a new connection) would queue behind seconds of
 * hashing, and cheap decisions would time out behind expensive ones.
 */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
}

/** One thread of libuv's pool (UV_THREADPOOL_SIZE, default 4) stays free for everything else. */
export function defaultArgon2Concurrency(): number {
  const poolSize = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, poolSize - 1);
}
