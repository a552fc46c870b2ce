import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../config/paths.js';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');

interface ComposeService {
  environment?: Record<string, string | number>;
  expose?: (string | number)[];
  ports?: (string | number)[];
}

/** `ENV A=1 B=2` lines of the final stage of the Dockerfile. */
function dockerfileEnv(dockerfile: string): Record<string, string> {
  const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  for (const [, line] of finalStage.matchAll(/^ENV (.+)$/gm)) {
    for (const [, name, value] of line!.matchAll(/(\w+)=(\S+)/g)) env[name!] = value!;
  }
  return env;
}

/**
 * The container setup serves the Prometheus example: metrics on, bound where another container can
 * reach them, and never published on the host (the endpoint has no authentication).
 */
describe('metrics in the container setup', () => {
  const compose = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
  const dockerfile = read('Dockerfile');
  const mailgate = compose.services.mailgate!;
  const env = { ...dockerfileEnv(dockerfile), ...mailgate.environment };
  const metricsPort = String(env.METRICS_PORT);

  it('turns metrics on, on their own port, on the container interface', () => {
    expect(metricsPort).toMatch(/^\d+$/);
    expect(metricsPort).not.toBe(String(env.PORT));
    expect(env.METRICS_HOST).toBe('0.0.0.0');
  });

  it('exposes the metrics port to the compose network but does not publish it on the host', () => {
    expect((mailgate.expose ?? []).map(String)).toContain(metricsPort);
    const published = (mailgate.ports ?? []).map((entry) => String(entry).split(':').at(-1)!.split('/')[0]);
    expect(published).toContain(String(env.PORT));
    expect(published).not.toContain(metricsPort);
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE .*\\b${metricsPort}\\b`, 'm'));
  });
});
