import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/test-app.js';
import { ReadinessService } from './readiness.service.js';

describe('health and readiness', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('reports liveness', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database is reachable and migrated', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(response.json()).toEqual({ status: 'ready', checks: [{ name: 'database', ok: true }] });
    expect(response.statusCode).toBe(200);
  });

  it('is unavailable, with a 503, when the database is not reachable', async () => {
    const unreachable = await createTestApp({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/none' });
    try {
      const response = await unreachable.inject({ method: 'GET', url: '/api/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        status: 'unavailable',
        checks: [{ name: 'database', ok: false, detail: 'database unreachable' }],
      });
    } finally {
      await unreachable.close();
    }
  });

  it('says "draining" with a 503 once the drain began, and refuses other new requests with problem+json', async () => {
    const stopping = await createTestApp();
    try {
      stopping.get(ReadinessService).startDraining();
      const ready = await stopping.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'draining', checks: [] });
      expect(ready.headers.connection).toBe('close');
      const other = await stopping.inject({ method: 'GET', url: '/api/health' });
      expect(other.statusCode).toBe(503);
      expect(other.headers['content-type']).toContain('application/problem+json');
      expect(other.json()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(other.headers.connection).toBe('close');
    } finally {
      await stopping.close();
    }
  });

  it('sends security headers on every response', async () => {
    for (const url of ['/api/health', '/api/does-not-exist']) {
      const response = await app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS when the request came over HTTPS through a trusted proxy', async () => {
    const proxied = await createTestApp({ TRUST_PROXY: '127.0.0.1' });
    try {
      const response = await proxied.inject({
        method: 'GET',
        url: '/api/health',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await proxied.close();
    }
  });

  it('serves the OpenAPI document generated from the contracts', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/health'].get.tags).toEqual(['Health']);
    expect(document.paths['/api/ready'].get.responses['503']).toBeDefined();
    const docs = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });
});
