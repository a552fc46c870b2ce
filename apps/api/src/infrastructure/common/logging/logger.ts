import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log object. Mailgate never logs request
 * bodies, but an error object or a careless `log.info({ body })` must still not leak a secret.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.secret',
  '*.token',
  '*.totpCode',
  '*.recoveryCode',
  'body',
];

/** The process's logger; `destination` defaults to stdout (tests pass a stream to read it). */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'mailgate-api' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Fastify merges these over its own, so every request line goes through them.
      serializers: { req: serializeRequest, err: pino.stdSerializers.err },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination(1),
  );
}

interface LoggedRequest {
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** A request as logged: its path, never its query string (see `withoutQuery`). */
function serializeRequest(request: LoggedRequest) {
  return {
    method: request.method,
    url: withoutQuery(request.url ?? ''),
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/**
 * The path of a URL with its query string replaced by a marker. Mailgate takes no secrets in a
 * query, but a client (or a mistyped link) may send one, e.g. `?token=…`; keys are dropped too,
 * as a key alone can be the secret (`?s3cret`).
 */
export function withoutQuery(url: string): string {
  const start = url.indexOf('?');
  return start === -1 ? url : `${url.slice(0, start)}?[redacted]`;
}

const BOOT_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer']);
const STACK_TRACE = /\n\s+at /;

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace';

/**
 * Lets NestJS's own messages (bootstrap, route mapping, errors) and every `new Logger(context)`
 * go through the same pino logger. Nest calls these as `(message, ...params, context)`: the last
 * string is the logger's context, a string that looks like a stack trace is one, and any other
 * string is the message, so `logger.error({ err, requestId }, 'request failed')` logs
 * `msg: 'request failed'` with the error's stack, and `logger.error('failed', error.stack)` keeps
 * the stack.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    // Module and route wiring at boot is detail for debugging, not operations.
    const context = params.at(-1);
    this.write(typeof context === 'string' && BOOT_CONTEXTS.has(context) ? 'debug' : 'info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const fields: Record<string, unknown> = {};
    const texts: string[] = [];
    let msg: string | undefined;
    if (message instanceof Error) {
      fields.err = message;
      msg = message.message;
    } else if (message !== null && typeof message === 'object') {
      Object.assign(fields, message);
    } else if (message !== undefined) {
      msg = String(message);
    }
    const rest = [...params];
    // Nest appends the logger's context last; a lone stack trace is not a context.
    const last = rest.at(-1);
    if (typeof last === 'string' && !STACK_TRACE.test(last)) fields.context = rest.pop();
    for (const param of rest) {
      if (typeof param === 'string' && STACK_TRACE.test(param)) fields.stack = param;
      else if (param instanceof Error) fields.err = param;
      else if (typeof param === 'string') texts.push(param);
      else if (param !== undefined) fields.detail = param;
    }
    if (msg === undefined) msg = texts.shift();
    if (texts.length > 0) fields.details = texts;
    this.logger[level](fields, msg);
  }
}
