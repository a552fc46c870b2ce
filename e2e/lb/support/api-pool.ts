// Mailgate API instances as separate processes (apps/api/dist/main.js), so that one can be
// SIGKILLed or restarted while the others go on, all sharing one database, one Redis key prefix,
// one secret key and one mail-server token, as a provider's pool does.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../../../scripts/lib/run.mjs';

export interface ApiInstance {
  readonly name: string;
  readonly port: number;
  readonly url: string;
  /** Starts the process and waits until /api/ready answers 200. */
  start(): Promise<void>;
  /** SIGTERM (graceful: in-flight requests end, the attempt recorder flushes) and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL: nothing flushes, in-flight requests get a closed connection. */
  kill(): Promise<void>;
  log(): string;
}

export interface ApiPoolOptions {
  dir: string;
  ports: readonly number[];
  env: Record<string, string>;
}

export function apiPool(options: ApiPoolOptions): ApiInstance[] {
  return options.ports.map((port, index) => apiInstance(`api${index + 1}`, port, options));
}

function apiInstance(name: string, port: number, options: ApiPoolOptions): ApiInstance {
  const logFile = path.join(options.dir, `${name}.log`);
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const url = `http://127.0.0.1:${port}`;
  const waitForExit = async (signal: NodeJS.Signals) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const current = child;
    current.kill(signal);
    const timer = setTimeout(() => current.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  return {
    name,
    port,
    url,
    async start() {
      const fd = openSync(logFile, 'a');
      child = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/main.js')], {
        env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(port) },
        stdio: ['ignore', fd, fd],
      });
      closeSync(fd);
      const current = child;
      exited = new Promise((resolve) => current.once('exit', () => resolve()));
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if (current.exitCode !== null) throw new Error(`${name} exited at start:\n${readFileSync(logFile, 'utf8')}`);
        const ready = await fetch(`${url}/api/ready`).then(
          (response) => response.status === 200,
          () => false,
        );
        if (ready) return;
        await sleep(200);
      }
      throw new Error(`${name} did not become ready:\n${readFileSync(logFile, 'utf8')}`);
    },
    stop: () => waitForExit('SIGTERM'),
    kill: () => waitForExit('SIGKILL'),
    log: () => readFileSync(logFile, 'utf8'),
  };
}
