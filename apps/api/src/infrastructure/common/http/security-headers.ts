import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const ONE_YEAR_SECONDS = 31_536_000;

/**
 * Security headers on every response, errors and 404s included. The CSP allows scripts from our
 * own origin only (the SPA build has no inline scripts). HSTS is sent only over HTTPS: sending it
 * on plain-http localhost would teach browsers to refuse the developer's own machine.
 */
export async function registerSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  await fastify.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Inline style attributes are used by Swagger UI; scripts stay strictly 'self'.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  fastify.addHook('onSend', async (request, reply) => setOwnHeaders(request, reply));
}

/**
 * Our headers beside helmet's. Also called for the errors Fastify's router answers itself (see
 * `renderFrameworkError`), which no hook sees.
 */
export function setOwnHeaders(request: FastifyRequest, reply: FastifyReply): void {
  if (request.protocol === 'https') {
    reply.header('strict-transport-security', `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`);
  }
  reply.header('x-request-id', String(request.id));
  // API answers are per user and often carry secrets shown once (app passwords, reset links,
  // TOTP seeds, recovery codes): no browser or proxy may keep them. Pragma for HTTP/1.0 caches.
  if (isApiPath(request.url)) {
    reply.header('cache-control', 'no-store');
    reply.header('pragma', 'no-cache');
  }
}

function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}
