import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../config/paths.js';
import { createTestApp } from '../../../../test/support/test-app.js';

const read = (path: string) => readFileSync(join(REPO_ROOT, 'deploy', path), 'utf8');
const number = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);

/**
 * The examples in deploy/ are copied by operators, so they are checked against the code: their
 * probes must be routes that answer, and their stop timeouts must leave room for the drain.
 */
describe('deploy/ examples', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app?.close());

  const probePaths = (text: string) => [
    ...text.matchAll(/https?:\/\/127\.0\.0\.1:\d+(\/api\/[a-z]+)|path: (\/api\/[a-z]+)/g),
  ];

  it('Kubernetes: probes on the health endpoints, and a grace period longer than preStop plus the drain', async () => {
    const manifest = read('kubernetes/mailgate.yaml');
    const paths = probePaths(manifest).map((match) => match[1] ?? match[2]);
    expect(new Set(paths)).toEqual(new Set(['/api/health', '/api/ready']));
    expect(manifest).toMatch(/livenessProbe:\s+httpGet: \{ path: \/api\/health/);
    expect(manifest).toMatch(/readinessProbe:\s+httpGet: \{ path: \/api\/ready/);
    for (const path of paths) expect((await app.inject({ method: 'GET', url: path })).statusCode).toBe(200);

    const grace = number(manifest, /terminationGracePeriodSeconds: (\d+)/);
    const preStop = number(manifest, /sleep: \{ seconds: (\d+) \}/);
    const drainMs = number(manifest, /name: SHUTDOWN_TIMEOUT_MS, value: '(\d+)'/);
    expect(grace).toBeGreaterThan(preStop + drainMs / 1000);
  });

  it('systemd: readiness and liveness on the configured port, and a stop timeout longer than the drain', async () => {
    const unit = read('systemd/mailgate.service');
    const liveness = read('systemd/mailgate-liveness.service');
    const env = read('systemd/mailgate.env.example');
    const port = number(env, /^PORT=(\d+)$/m);
    expect(unit).toContain(`http://127.0.0.1:${port}/api/ready`);
    expect(liveness).toContain(`http://127.0.0.1:${port}/api/health`);
    expect(number(unit, /^TimeoutStopSec=(\d+)$/m) * 1000).toBeGreaterThan(number(env, /^SHUTDOWN_TIMEOUT_MS=(\d+)$/m));
  });
});
