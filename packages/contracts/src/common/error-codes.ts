/**
 * The error-code catalogue's building blocks. Every error a client can see has a stable `code`,
 * an HTTP status and a message written for people. Internal detail never goes into the message:
 * it stays in the server log, keyed by the request id.
 *
 * Feature contracts declare their own codes with `defineErrorCodes` (no god file); the API renders
 * them as `application/problem+json`, and the SPA translates them by code.
 */
export interface ErrorCodeDefinition {
  readonly status: number;
  readonly message: string;
}

export type ErrorCatalogue = Readonly<Record<string, ErrorCodeDefinition>>;

export function defineErrorCodes<const T extends ErrorCatalogue>(
  codes: T,
): { readonly [K in keyof T]: T[K] & { code: K } } {
  const entries = Object.entries(codes).map(([code, definition]) => [code, Object.freeze({ ...definition, code })]);
  return Object.freeze(Object.fromEntries(entries)) as { readonly [K in keyof T]: T[K] & { code: K } };
}

export const CommonErrors = defineErrorCodes({
  // Thrown when a body, query or path parameter does not match the operation's contract.
  VALIDATION_FAILED: { status: 400, message: 'Some fields are missing or invalid.' },
  // Thrown when the body is not valid JSON.
  MALFORMED_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  // Thrown when the body is not valid UTF-8.
  INVALID_ENCODING: { status: 400, message: 'The request body is not valid UTF-8 text.' },
  // Thrown when the body is larger than the server accepts.
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  // Thrown when a body is sent with a content type other than JSON.
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the request body as application/json.' },
  // Thrown when no route matches the path, or the resource does not exist (or is not yours).
  NOT_FOUND: { status: 404, message: 'Not found.' },
  // Thrown when the caller is not signed in, or the credentials are missing or wrong.
  UNAUTHENTICATED: { status: 401, message: 'Please sign in.' },
  // Thrown when the caller is signed in but may not do this.
  FORBIDDEN: { status: 403, message: 'You are not allowed to do this.' },
  // Thrown when a state-changing request lacks the CSRF header or comes from another origin.
  CSRF_CHECK_FAILED: {
    status: 403,
    message: 'The request was refused for your protection. Reload the page and try again.',
  },
  // Thrown when a caller makes too many attempts in a short time.
  RATE_LIMITED: { status: 429, message: 'Too many attempts. Please wait a moment and try again.' },
  // Thrown when something unexpected failed on the server; details are in the server log.
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on our side. Please try again.' },
  // Thrown when a dependency (the database) is not reachable.
  SERVICE_UNAVAILABLE: { status: 503, message: 'The service is temporarily unavailable. Please try again shortly.' },
});

export type CommonErrorCode = keyof typeof CommonErrors;

type CodedDefinition = ErrorCodeDefinition & { readonly code: string };

/**
 * Params for a zod issue whose failure has its own catalogue code (INVALID_CURSOR rather than the
 * generic VALIDATION_FAILED), so a schema can say what a client should be told.
 */
export function answeredWith(definition: CodedDefinition): { answeredWith: CodedDefinition } {
  return { answeredWith: definition };
}

/** The catalogue entry one of these issues asks for, if any (see `answeredWith`). */
export function errorCodeOfIssues(issues: readonly object[]): CodedDefinition | undefined {
  for (const issue of issues) {
    const definition = (issue as { params?: { answeredWith?: CodedDefinition } }).params?.answeredWith;
    if (definition) return definition;
  }
  return undefined;
}
