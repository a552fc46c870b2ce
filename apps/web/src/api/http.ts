import type { Problem } from '@mailgate/contracts';
import type { Endpoint } from './endpoint';

// The one place the SPA talks HTTP. Every request goes to the same origin (the API serves the SPA,
// and Vite proxies /api in development), so cookies flow with `credentials: 'same-origin'`.

/** Codes the client produces itself, for failures that never reached a problem+json body. */
export const CLIENT_ERROR_CODES = {
  /** fetch() rejected: offline, DNS, connection reset, blocked by the browser. */
  network: 'NETWORK_ERROR',
  /** The server answered, but not with the JSON we expected (e.g. an HTML page from a proxy). */
  unexpectedResponse: 'UNEXPECTED_RESPONSE',
  /** The passkey prompt was closed (or timed out) without an answer. */
  passkeyCancelled: 'PASSKEY_CANCELLED',
  /** This browser or device cannot use passkeys here. */
  passkeyUnavailable: 'PASSKEY_UNAVAILABLE',
} as const;

/**
 * RFC 9457 problem details (the contract's `Problem`). Only `status` and `code` are required here,
 * because the client also builds ApiErrors itself for failures that never produced a body.
 */
export type ProblemDetails = Pick<Problem, 'status' | 'code'> &
  Partial<Pick<Problem, 'type' | 'title' | 'detail' | 'requestId' | 'issues' | 'problems'>>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly type: string | undefined;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  /** For VALIDATION_FAILED: which fields are wrong, so a form can mark them. */
  readonly issues: ProblemDetails['issues'];
  /** For a refused new password: every rule it breaks, so the form can list them all. */
  readonly problems: string[] | undefined;

  constructor(problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? problem.code);
    this.status = problem.status;
    this.code = problem.code;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.requestId = problem.requestId;
    this.issues = problem.issues;
    this.problems = problem.problems;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal } = options;
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    // The API rejects state-changing requests without this header. A cross-site form or <img> cannot
    // set custom headers, so it works as a CSRF guard on top of SameSite cookies. Sent on every
    // request to keep the rule simple; same-origin requests need no CORS preflight for it.
    'X-Requested-With': 'mailgate',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      credentials: 'same-origin',
      signal: signal ?? null,
    });
  } catch (error) {
    // TanStack Query cancels through the signal; a cancellation must stay an AbortError.
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, detail: String(error) });
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;

  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError({ status: response.status, code: CLIENT_ERROR_CODES.unexpectedResponse });
  }
}

/** Calls one operation of the routes table: `send<T>(endpoint(routes.<group>.<operation>, …), { body })`. */
export function send<T>(target: Endpoint, options: Omit<RequestOptions, 'method'> = {}): Promise<T> {
  return request<T>(target.url, { ...options, method: HTTP_METHODS[target.method] });
}

const HTTP_METHODS: Record<Endpoint['method'], NonNullable<RequestOptions['method']>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
};

/** Reads a failed response as an ApiError (also for callers that fetch files rather than JSON). */
export async function toApiError(response: Response): Promise<ApiError> {
  const fallback: ProblemDetails = { status: response.status, code: CLIENT_ERROR_CODES.unexpectedResponse };
  if (!isProblemJson(response.headers.get('Content-Type'))) return new ApiError(fallback);

  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    return new ApiError(fallback);
  }
  return new ApiError(readProblem(payload) ?? fallback);
}

function isProblemJson(contentType: string | null): boolean {
  // Media types are case-insensitive and may carry parameters (`; charset=utf-8`).
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/problem+json';
}

// Hand-checked rather than ZProblem.parse(): a type-only import of the contracts keeps zod out of
// the bundle, and a malformed error body should degrade to a generic message, not throw again.
function readProblem(payload: unknown): ProblemDetails | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const record = payload as Record<string, unknown>;
  if (typeof record.code !== 'string' || typeof record.status !== 'number') return undefined;
  return {
    status: record.status,
    code: record.code,
    type: optionalString(record.type),
    title: optionalString(record.title),
    detail: optionalString(record.detail),
    requestId: optionalString(record.requestId),
    issues: readIssues(record.issues),
    problems: readStrings(record.problems),
  };
}

function readIssues(value: unknown): ProblemDetails['issues'] {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((issue: unknown) => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, message, code } = issue as Record<string, unknown>;
    return typeof path === 'string' && typeof message === 'string' && typeof code === 'string'
      ? [{ path, message, code }]
      : [];
  });
}

function readStrings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((entry): entry is string => typeof entry === 'string');
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
