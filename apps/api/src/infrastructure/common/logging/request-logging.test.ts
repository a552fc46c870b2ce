import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../../app.factory.js';
import { testConfig } from '../../../../test/support/test-config.js';
import { createRootLogger } from './logger.js';

/** The app at info level with its log captured; `env` as the operator would set it. */
async function appLogging(env: Record<string, string>): Promise<{ app: NestFastifyApplication; lines: string[] }> {
  const lines: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const app = await createApp(testConfig({ LOG_LEVEL: 'info', ...env }), { logger: createRootLogger('info', stream) });
  await app.getHttpAdapter().getInstance().ready();
  return { app, lines };
}

describe('request logs', () => {
  let app: NestFastifyApplication | undefined;
  afterEach(() => app?.close());

  it('are complete JSON lines in production', async () => {
    const started = await appLogging({});
    app = started.app;
    await app.inject({ method: 'GET', url: '/api/health' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const completed = started.lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request completed');
    expect(completed).toMatchObject({ level: 30, service: 'mailgate-api', res: { statusCode: 200 } });
    expect(typeof completed.reqId).toBe('string');
    expect(typeof completed.responseTime).toBe('number');
  });

  it('are left out in demo mode, so the start banner stays readable, unless LOG_REQUESTS turns them on', async () => {
    const demo = await appLogging({ MAILGATE_DEMO: '1' });
    app = demo.app;
    await app.inject({ method: 'GET', url: '/api/health' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(demo.lines.join('\n')).not.toMatch(/incoming request|request completed/);
    await app.close();

    const verbose = await appLogging({ MAILGATE_DEMO: '1', LOG_REQUESTS: '1' });
    app = verbose.app;
    await app.inject({ method: 'GET', url: '/api/health' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(verbose.lines.join('\n')).toContain('request completed');
  });
});
