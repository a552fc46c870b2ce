import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Vite puts only content-hashed files here (`index-<hash>.js`): a changed file gets a new name. */
const HASHED_ASSETS = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built SPA on the API's origin (one port, one CSP, no CORS). Hashed assets are cached
 * for a year without revalidation; index.html and everything else must be revalidated, so a
 * deploy is picked up at the next navigation. The build writes brotli and gzip copies beside each
 * file (apps/web/build/precompress.plugin.ts): `preCompressed` picks one by Accept-Encoding (br,
 * then gzip, else the file itself) and adds `Vary: Accept-Encoding`, for the fallback too.
 * Returns the fallback that answers client-side routes (e.g. /admin/users) with index.html.
 */
export async function registerSpa(fastify: FastifyInstance, distDir: string): Promise<SpaFallback | undefined> {
  if (!existsSync(join(distDir, 'index.html'))) return undefined;
  await fastify.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true,
    // The copies are chosen through their original's URL; they are no routes of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.includes(HASHED_ASSETS) ? IMMUTABLE : 'no-cache');
    },
  });
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api/') && path !== '/api';
    if (!wantsPage) return false;
    void reply.header('cache-control', 'no-cache').sendFile('index.html');
    return true;
  };
}

/** Answers a request that matched no route; returns false when it is not a page navigation. */
export type SpaFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;
