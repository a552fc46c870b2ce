import { routes } from '@mailgate/contracts/routes';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endpoint } from './endpoint';
import { ApiError, CLIENT_ERROR_CODES, send } from './http';

function stubFetch(response: Response | Error) {
  const fetchMock = vi.fn<typeof fetch>(() =>
    response instanceof Error ? Promise.reject(response) : Promise.resolve(response),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function problemResponse(body: unknown, status: number, contentType = 'application/problem+json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

async function captureError(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('send', () => {
  it('sends JSON with same-origin credentials and the CSRF header', async () => {
    const fetchMock = stubFetch(Response.json({ id: 1 }));

    await expect(send(endpoint(routes.appPasswords.create), { body: { name: 'x' } })).resolves.toEqual({ id: 1 });

    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/account/app-passwords');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.body).toBe('{"name":"x"}');
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Requested-With': 'mailgate' });
  });

  it('returns undefined for 204 No Content', async () => {
    stubFetch(new Response(null, { status: 204 }));
    await expect(send(endpoint(routes.appPasswords.revoke, { params: { id: '1' } }))).resolves.toBeUndefined();
  });

  it('turns a problem+json body into an ApiError carrying its code', async () => {
    stubFetch(
      problemResponse(
        {
          type: 'https://mailgate.example/problems/rate-limited',
          title: 'Too many requests',
          status: 429,
          code: 'RATE_LIMITED',
          detail: 'Try again in 30 seconds.',
          requestId: 'req-123',
        },
        429,
        'application/problem+json; charset=utf-8',
      ),
    );

    const error = await captureError(send(endpoint(routes.health.liveness)));

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      title: 'Too many requests',
      detail: 'Try again in 30 seconds.',
      requestId: 'req-123',
    });
  });

  it('keeps the field issues of a VALIDATION_FAILED problem and drops malformed ones', async () => {
    stubFetch(
      problemResponse(
        {
          type: 'about:blank',
          title: 'Bad request',
          status: 400,
          code: 'VALIDATION_FAILED',
          requestId: 'req-9',
          issues: [{ path: 'email', message: 'Invalid email', code: 'invalid_format' }, { path: 42 }],
        },
        400,
      ),
    );

    const error = await captureError(send(endpoint(routes.auth.signIn), { body: { email: 'x' } }));

    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'email', message: 'Invalid email', code: 'invalid_format' }],
    });
  });

  it('falls back to UNEXPECTED_RESPONSE when the error body is not problem+json', async () => {
    stubFetch(new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } }));

    const error = await captureError(send(endpoint(routes.health.liveness)));

    expect(error).toMatchObject({ status: 502, code: CLIENT_ERROR_CODES.unexpectedResponse });
  });

  it('falls back to UNEXPECTED_RESPONSE when a problem body lacks a code', async () => {
    stubFetch(problemResponse({ title: 'Oops', status: 500 }, 500));

    const error = await captureError(send(endpoint(routes.health.liveness)));

    expect(error).toMatchObject({ status: 500, code: CLIENT_ERROR_CODES.unexpectedResponse });
  });

  it('reports a failed connection as NETWORK_ERROR', async () => {
    stubFetch(new TypeError('Failed to fetch'));

    const error = await captureError(send(endpoint(routes.health.liveness)));

    expect(error).toMatchObject({ status: 0, code: CLIENT_ERROR_CODES.network });
  });

  it('keeps a cancellation as the original AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    const abortError = new DOMException('The operation was aborted.', 'AbortError');
    stubFetch(abortError);

    const error = await captureError(send(endpoint(routes.health.liveness), { signal: controller.signal }));

    expect(error).toBe(abortError);
  });
});

describe('http password problems', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps every rule a refused password breaks', async () => {
    stubFetch(
      problemResponse(
        {
          type: 'about:blank',
          title: 'Bad request',
          status: 400,
          code: 'PASSWORD_TOO_SHORT',
          requestId: 'req-1',
          problems: ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_WEAK', 42],
        },
        400,
      ),
    );

    const error = await captureError(send(endpoint(routes.password.change), { body: {} }));

    expect(error).toMatchObject({ code: 'PASSWORD_TOO_SHORT', problems: ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_WEAK'] });
  });
});
