// A private HAProxy (Debian's package) in front of the API instances: own config, own stats
// socket, loopback only, free ports. Health checks on /api/ready take an instance out of the
// rotation within a second; a request whose connection failed, came back empty or got a 503 is
// retried once on another instance (retry-on + redispatch), which is what makes a rolling restart
// invisible to Dovecot. A mail login decision can be asked twice safely: it is a check, and a
// repeated refusal only counts one more failure against the guesser.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { run, stopProcessTree, waitForPort } from '../../mail/support/processes.js';

export interface HaproxyServer {
  readonly url: string;
  /** Backend counters from the stats socket: retries, redispatches, 5xx answered to clients. */
  stats(): Promise<{ retries: number; redispatches: number; answered5xx: number }>;
  stop(): Promise<void>;
}

export async function startHaproxy(options: {
  dir: string;
  port: number;
  backends: readonly { name: string; port: number }[];
}): Promise<HaproxyServer> {
  const configFile = path.join(options.dir, 'haproxy.cfg');
  const socket = path.join(options.dir, 'haproxy.sock');
  writeFileSync(
    configFile,
    `global
  maxconn 2000
  stats socket ${socket} mode 600 level operator
  # One line per request into haproxy.out (the process runs in the foreground): what a failed
  # assertion needs to see which instance answered what.
  log stdout format raw local0
defaults
  mode http
  log global
  option httplog
  timeout connect 1s
  timeout client 30s
  timeout server 10s
  option http-server-close
  # Dovecot's HTTP client sends "Expect: 100-continue": without buffering, HAProxy streams the body
  # to the first instance and can no longer replay the request elsewhere.
  option http-buffer-request
  retries 2
  option redispatch 1
  retry-on conn-failure empty-response 503
frontend mailgate
  bind 127.0.0.1:${options.port}
  option forwardfor
  default_backend api
backend api
  balance roundrobin
  option httpchk GET /api/ready
  http-check expect status 200
  default-server inter 250ms fall 1 rise 2
${options.backends.map((backend) => `  server ${backend.name} 127.0.0.1:${backend.port} check`).join('\n')}
`,
  );
  const checked = await run('haproxy', ['-c', '-q', '-f', configFile]);
  if (checked.code !== 0) throw new Error(`haproxy config refused:\n${checked.stdout}${checked.stderr}`);
  const logFd = openSync(path.join(options.dir, 'haproxy.out'), 'a');
  const child = spawn('haproxy', ['-db', '-f', configFile], { stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(options.port, 'HAProxy');
  } catch (error) {
    await stopProcessTree(child.pid ?? 0);
    throw new Error(`${(error as Error).message}\n${readFileSync(path.join(options.dir, 'haproxy.out'), 'utf8')}`);
  }
  return {
    url: `http://127.0.0.1:${options.port}`,
    async stats() {
      const csv = await socketCommand(socket, 'show stat\n');
      const [header, ...lines] = csv.split('\n').filter((line) => line.length > 0);
      const columns = header!.replace(/^# /, '').split(',');
      const backend = lines
        .map((line) => line.split(','))
        .find((cells) => cells[0] === 'api' && cells[1] === 'BACKEND');
      const value = (name: string) => Number(backend?.[columns.indexOf(name)] ?? 0);
      return { retries: value('wretr'), redispatches: value('wredis'), answered5xx: value('hrsp_5xx') };
    },
    async stop() {
      await stopProcessTree(child.pid ?? 0);
      await exited;
    },
  };
}

function socketCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = net.createConnection(socket);
    let output = '';
    connection.on('data', (chunk) => (output += chunk.toString()));
    connection.on('end', () => resolve(output));
    connection.on('error', reject);
    connection.write(command);
  });
}
