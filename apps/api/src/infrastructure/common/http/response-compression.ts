import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Below this, compressing costs more than the bytes it saves; mail decisions stay well under. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Compresses API responses (JSON, problem+json, the CSV export as a stream) above the threshold,
 * br preferred, then gzip, only when the client asks for it (Dovecot's and Postfix's requests do
 * not, so the mail decisions are never touched). Registered before the SPA's static files, which
 * come pre-compressed and are passed through as they are. Request bodies are never decompressed:
 * the body limit and the strict JSON parser see exactly the bytes that were sent.
 */
export async function registerResponseCompression(fastify: FastifyInstance): Promise<void> {
  await fastify.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    threshold: COMPRESSION_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
  });
}
