import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';
import { RedisService } from '../redis/redis.service.js';
import { CounterStore } from './counter-store.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('CounterStore', () => {
  let shared: NestFastifyApplication;
  let other: NestFastifyApplication;
  let local: NestFastifyApplication;
  beforeAll(async () => {
    [shared, other, local] = await Promise.all([
      createTestApp({ REDIS_URL }),
      createTestApp({ REDIS_URL }),
      createTestApp({}),
    ]);
    await waitUntil(() => shared.get(RedisService).isAvailable() && other.get(RedisService).isAvailable());
  });
  afterAll(async () => {
    await Promise.all([shared.close(), other.close(), local.close()]);
  });

  it('shares counts between API instances through Redis', async () => {
    const key = `test:counter:${randomUUID()}`;
    expect(await shared.get(CounterStore).increment(key, 60_000)).toBe(1);
    expect(await other.get(CounterStore).increment(key, 60_000)).toBe(2);
    expect(await shared.get(CounterStore).get(key)).toBe(2);
    await other.get(CounterStore).reset(key);
    expect(await shared.get(CounterStore).get(key)).toBe(0);
  });

  it('counts in process without Redis, and windows expire', async () => {
    const store = local.get(CounterStore);
    const key = `test:counter:${randomUUID()}`;
    const start = 1_000_000;
    expect(await store.increment(key, 1_000, start)).toBe(1);
    expect(await store.increment(key, 1_000, start + 500)).toBe(2);
    expect(await store.increment(key, 1_000, start + 1_000)).toBe(1);
  });

  it('reports Redis in readiness when configured', async () => {
    const response = await shared.inject({ method: 'GET', url: '/api/ready' });
    expect(response.json().checks).toContainEqual({ name: 'redis', ok: true });
  });

  it('falls back to local counts, and reports degraded, when Redis is unreachable', async () => {
    const unreachable = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const store = unreachable.get(CounterStore);
      const key = `test:counter:${randomUUID()}`;
      expect(await store.increment(key, 60_000)).toBe(1);
      expect(await store.increment(key, 60_000)).toBe(2);
      const response = await unreachable.inject({ method: 'GET', url: '/api/ready' });
      expect(response.statusCode).toBe(200);
      expect(response.json().status).toBe('degraded');
    } finally {
      await unreachable.close();
    }
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
