import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuthErrors } from '@mailgate/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_STORAGES } from '../../../test/support/mail-auth-client.js';
import { createTestApp } from '../../../test/support/test-app.js';
import type { AppError } from '../common/http/app-error.js';
import { RedisService } from '../redis/redis.service.js';
import { AttemptLimiter, type AttemptLimit, type ReservedAttempt } from './attempt-limiter.js';
import { CounterStore } from './counter-store.js';

const WINDOW_MS = 60_000;

describe.each(COUNTER_STORAGES)('AttemptLimiter with $storage', ({ env }) => {
  let app: NestFastifyApplication;
  let limiter: AttemptLimiter;
  let counters: CounterStore;
  // One instant for the whole test, so no request falls into the next window.
  const now = Date.now();

  beforeAll(async () => {
    app = await createTestApp(env);
    limiter = app.get(AttemptLimiter);
    counters = app.get(CounterStore);
    const deadline = Date.now() + 5_000;
    while (env.REDIS_URL && !app.get(RedisService).isAvailable()) {
      if (Date.now() > deadline) throw new Error('Redis not ready');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  afterAll(() => app.close());

  const rateLimit = (max: number, forgiveOnSuccess = false): AttemptLimit => ({
    kind: 'test:rate',
    key: `test:attempt:${randomUUID()}`,
    max,
    windowMs: WINDOW_MS,
    forgiveOnSuccess,
  });
  const countOf = (limit: AttemptLimit) => counters.get(`${limit.key}:${Math.floor(now / WINDOW_MS)}`, now);

  async function reserveMany(limits: AttemptLimit[], times: number) {
    const settled = await Promise.allSettled(Array.from({ length: times }, () => limiter.reserve(limits, now)));
    const granted = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const refused = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as AppError] : []));
    return { granted, refused };
  }

  it('grants exactly max of a parallel burst and takes the refused ones back', async () => {
    const perKey = rateLimit(10);
    const wide = rateLimit(50);
    const { granted, refused } = await reserveMany([perKey, wide], 40);
    expect(granted).toHaveLength(10);
    expect(refused).toHaveLength(30);
    expect(refused.every((error) => error.code === 'RATE_LIMITED')).toBe(true);
    const expectedRetry = Math.ceil(((Math.floor(now / WINDOW_MS) + 1) * WINDOW_MS - now) / 1000);
    expect(refused[0]!.options.headers).toEqual({ 'Retry-After': String(Math.max(1, expectedRetry)) });
    // The wider limit holds only the granted attempts: refusals never use up another limit.
    expect(await countOf(perKey)).toBe(10);
    expect(await countOf(wide)).toBe(10);
  });

  it('gives a success back, forgets a forgiving limit, and settles each attempt once', async () => {
    const forgiving = rateLimit(10, true);
    const total = rateLimit(50);
    const { granted } = await reserveMany([forgiving, total], 3);
    const [first, second] = granted as [ReservedAttempt, ReservedAttempt, ReservedAttempt];
    await second.notCounted();
    await second.notCounted();
    await second.succeeded();
    expect(await countOf(total)).toBe(2);
    await first.succeeded();
    expect(await countOf(forgiving)).toBe(0);
    expect(await countOf(total)).toBe(1);
  });

  it('answers a used-up budget with its own error, and a rate limit first', async () => {
    const budget: AttemptLimit = {
      kind: 'test:budget',
      key: `test:budget:${randomUUID()}`,
      max: 2,
      windowMs: WINDOW_MS,
      exhausted: AuthErrors.SIGN_IN_PENDING_EXPIRED,
    };
    const { granted, refused } = await reserveMany([budget], 5);
    expect(granted).toHaveLength(2);
    expect(refused.map((error) => [error.code, error.options.headers])).toEqual(
      Array.from({ length: 3 }, () => ['SIGN_IN_PENDING_EXPIRED', undefined]),
    );
    const full = rateLimit(1);
    await limiter.reserve([full], now);
    await expect(limiter.reserve([budget, full], now)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await counters.get(budget.key, now)).toBe(2);
  });
});
