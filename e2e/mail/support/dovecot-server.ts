// A private Dovecot: own config, base/state/log dirs and mail store under a temp folder, loopback
// only, high ports. The "site" part (dovecot-site-config.ts: listeners, TLS, mail store) stands for
// an operator's existing configuration; everything about Mailgate comes from deploy/dovecot/ unchanged.
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dovecotSiteConfig, MAIL_UID } from './dovecot-site-config.js';
import { enableAuthCacheBlock, installDeployFile, readDeployFile, substitute } from './deploy-files.js';
import { run, runOk, stopProcessTree, waitFor, waitForPort } from './processes.js';

export interface DovecotOptions {
  dir: string;
  mailgateUrl: string;
  serviceToken: string;
  doveadmKey: string;
  ports: { imap: number; pop3: number; doveadm: number };
  certFile: string;
  keyFile: string;
  /** Postfix's queue directory: the SASL socket goes to <queue>/private/auth. */
  postfixQueueDir: string;
  /** Turn on the opt-in auth cache block of 90-mailgate-auth.conf. */
  authCache: boolean;
  /** Accept mail from Postfix over LMTP on <postfix queue>/private/dovecot-lmtp (needs dovecot-lmtpd). */
  lmtp?: boolean;
}

export interface DovecotServer {
  configFile: string;
  logFile: string;
  doveadmUrl: string;
  /** doveadm with this instance's config. */
  doveadm(args: readonly string[], input?: string): ReturnType<typeof run>;
  log(): string;
  /** Rewrites the token file and reloads Dovecot (new auth processes read it). */
  useServiceToken(token: string): Promise<void>;
  stop(): Promise<void>;
}

function siteConfig(options: DovecotOptions, dirs: Record<'run' | 'state' | 'log' | 'mail', string>): string {
  return dovecotSiteConfig({
    header: "# Test site configuration (stands for the operator's own dovecot.conf)\n",
    instanceName: `mailgate-e2e-${path.basename(options.dir)}`,
    baseDir: dirs.run,
    stateDir: dirs.state,
    logFile: `${dirs.log}/dovecot.log`,
    mailDir: dirs.mail,
    certFile: options.certFile,
    keyFile: options.keyFile,
    loginPorts: { imap: options.ports.imap, pop3: options.ports.pop3 },
    moreProtocols: options.lmtp ? ['lmtp'] : [],
    // Plaintext logins from the test clients (127.0.0.x) reach the passdb as "secured" (not TLS), so
    // Mailgate's TLS rule is what refuses them. Dovecot's per-IP failure penalty still applies; each
    // test uses its own client address.
    settings: 'login_trusted_networks = 127.0.0.0/8\n',
    services: options.lmtp ? lmtpService(options.postfixQueueDir) : '',
  });
}

/** Local delivery: Postfix hands mail for the test domain to Dovecot over a socket in its queue. */
function lmtpService(postfixQueueDir: string): string {
  return `service lmtp {
  unix_listener ${path.join(postfixQueueDir, 'private/dovecot-lmtp')} {
    user = postfix
    group = postfix
    mode = 0600
  }
}
`;
}

export async function startDovecot(options: DovecotOptions): Promise<DovecotServer> {
  const root = path.join(options.dir, 'dovecot');
  const dirs = {
    run: path.join(root, 'run'),
    state: path.join(root, 'state'),
    log: path.join(root, 'log'),
    mail: path.join(root, 'mail'),
  };
  const confDir = path.join(root, 'conf.d');
  for (const dir of [root, confDir, ...Object.values(dirs)]) mkdirSync(dir, { recursive: true });
  chownSync(dirs.mail, MAIL_UID, MAIL_UID);

  const tokenFile = path.join(root, 'mailgate.token');
  const doveadmKeyFile = path.join(root, 'mailgate-doveadm.key');
  writeFileSync(tokenFile, `${options.serviceToken}\n`, { mode: 0o600 });
  // No trailing newline: Dovecot would keep it as part of the key (see deploy/dovecot/README.md).
  writeFileSync(doveadmKeyFile, options.doveadmKey, { mode: 0o600 });
  chmodSync(tokenFile, 0o600);

  const luaFile = path.join(root, 'mailgate-auth.lua');
  writeFileSync(luaFile, readDeployFile('dovecot/mailgate-auth.lua'));

  let authConf = substitute(
    readDeployFile('dovecot/conf.d/90-mailgate-auth.conf'),
    [
      ['MAILGATE_URL=http://127.0.0.1:3000', `MAILGATE_URL=${options.mailgateUrl}`],
      ['MAILGATE_TOKEN_FILE=/etc/dovecot/mailgate.token', `MAILGATE_TOKEN_FILE=${tokenFile}`],
      ['file=/etc/dovecot/mailgate-auth.lua', `file=${luaFile}`],
    ],
    'dovecot/conf.d/90-mailgate-auth.conf',
  );
  if (options.authCache) authConf = enableAuthCacheBlock(authConf);
  writeFileSync(path.join(confDir, '90-mailgate-auth.conf'), authConf);
  installDeployFile('dovecot/conf.d/91-mailgate-doveadm.conf', path.join(confDir, '91-mailgate-doveadm.conf'), [
    ['</etc/dovecot/mailgate-doveadm.key', `<${doveadmKeyFile}`],
    ['port = 8080', `port = ${options.ports.doveadm}`],
  ]);
  installDeployFile(
    'dovecot/conf.d/92-mailgate-postfix-sasl.conf',
    path.join(confDir, '92-mailgate-postfix-sasl.conf'),
    [['/var/spool/postfix/private/auth', path.join(options.postfixQueueDir, 'private/auth')]],
  );

  const configFile = path.join(root, 'dovecot.conf');
  writeFileSync(configFile, siteConfig(options, dirs));
  const logFile = path.join(dirs.log, 'dovecot.log');

  // In the foreground (-F) as our own child: we hold its pid, and it is reaped when it exits.
  const logFd = openSync(path.join(dirs.log, 'dovecot-master.out'), 'a');
  const master = spawn('dovecot', ['-F', '-c', configFile], { stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const masterPid = master.pid ?? 0;
  const exited = new Promise<void>((resolve) => master.once('exit', () => resolve()));
  try {
    if (masterPid <= 0) throw new Error('Dovecot did not start');
    await waitForPort(options.ports.imap, 'Dovecot IMAP');
    await waitForPort(options.ports.pop3, 'Dovecot POP3');
    await waitForPort(options.ports.doveadm, 'Dovecot doveadm HTTP API');
  } catch (error) {
    await stopProcessTree(masterPid);
    const output = readFileSync(path.join(dirs.log, 'dovecot-master.out'), 'utf8');
    throw new Error(`${(error as Error).message}\n${output}\n${readFileOrEmpty(logFile)}`);
  }

  return {
    configFile,
    logFile,
    doveadmUrl: `http://127.0.0.1:${options.ports.doveadm}/doveadm/v1`,
    doveadm: (args, input) => run('doveadm', ['-c', configFile, ...args], { input }),
    log: () => readFileSync(logFile, 'utf8'),
    async useServiceToken(token) {
      writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
      const reloads = () => readFileSync(logFile, 'utf8').split('reloading configuration').length;
      const before = reloads();
      await runOk('doveadm', ['-c', configFile, 'reload']);
      await waitFor(() => reloads() > before, 'Dovecot to reload');
      // The master replaces its auth processes right after logging the reload.
      await new Promise((resolve) => setTimeout(resolve, 500));
    },
    async stop() {
      await stopProcessTree(masterPid);
      await exited;
    },
  };
}

function readFileOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
