import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/test-app.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { RedisService } from '../redis/redis.service.js';
import { CounterStore } from './counter-store.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('CounterStore', () => {
  let shared: NestFastifyApplication;
  let other: NestFastifyApplication;
  let local: NestFastifyApplication;
  beforeAll(async () => {
    // Two instances of one deployment: same Redis, same key prefix.
    const deployment = { REDIS_URL, REDIS_KEY_PREFIX: `test:${randomUUID()}:` };
    [shared, other, local] = await Promise.all([
      createTestApp(deployment),
      createTestApp(deployment),
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

  it('gives every parallel increment its own count, and takes one back without going below zero', async () => {
    for (const app of [shared, local]) {
      const store = app.get(CounterStore);
      const key = `test:counter:${randomUUID()}`;
      const counts = await Promise.all(Array.from({ length: 40 }, () => store.increment(key, 60_000)));
      expect(counts.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
      expect(await store.decrement(key)).toBe(39);
      const missing = `test:counter:${randomUUID()}`;
      expect(await store.decrement(missing)).toBe(0);
      expect(await store.get(missing)).toBe(0);
    }
  });

  it('writes every key under REDIS_KEY_PREFIX', async () => {
    const prefix = `test:${randomUUID()}:`;
    const prefixed = await createTestApp({ REDIS_URL, REDIS_KEY_PREFIX: prefix });
    try {
      await waitUntil(() => prefixed.get(RedisService).isAvailable());
      await prefixed.get(CounterStore).increment('probe', 60_000);
      // Read the raw key space through a connection without a prefix.
      const plain = new Redis(REDIS_URL);
      try {
        expect(await plain.get(`${prefix}probe`)).toBe('1');
        expect(await plain.exists('probe')).toBe(0);
      } finally {
        plain.disconnect();
      }
    } finally {
      await prefixed.close();
    }
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
