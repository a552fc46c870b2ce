// A private Dovecot for the login benchmark, in one of two flavours that differ only in where
// logins are decided: `mailgate` uses deploy/dovecot/ exactly as shipped (Lua passdb calling the
// API, prefetch + Lua userdb); `passwd-file` is Dovecot's own file lookup. Everything else (site
// settings, TLS certificate, login processes) is the same. The e2e suite starts Dovecot the same
// way (e2e/mail/support/dovecot-server.ts), with the same substitutions.
import { spawn } from 'node:child_process';
import { chownSync, closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT_DIR } from '@mailgate/db';
// The e2e suite's files, shared rather than copied (Node strips their types on import).
import { installDeployFile } from '../../e2e/mail/support/deploy-files.ts';
import { dovecotSiteConfig, MAIL_UID } from '../../e2e/mail/support/dovecot-site-config.ts';

function siteConfig({ name, root, port, certFile, keyFile }) {
  return dovecotSiteConfig({
    instanceName: `mailgate-bench-${name}`,
    baseDir: `${root}/run`,
    stateDir: `${root}/state`,
    logFile: `${root}/dovecot.log`,
    mailDir: `${root}/mail`,
    certFile,
    keyFile,
    loginPorts: { imap: port },
  });
}

/**
 * flavour: { kind: 'mailgate', url, token } or { kind: 'passwd-file', users: [email], password }.
 */
export async function startBenchDovecot({ name, dir, port, certFile, keyFile, flavour }) {
  const root = join(dir, name);
  for (const sub of ['run', 'state', 'conf.d', 'mail']) mkdirSync(join(root, sub), { recursive: true });
  chownSync(join(root, 'mail'), MAIL_UID, MAIL_UID);
  if (flavour.kind === 'mailgate') {
    const tokenFile = join(root, 'mailgate.token');
    const luaFile = join(root, 'mailgate-auth.lua');
    writeFileSync(tokenFile, flavour.token, { mode: 0o600 });
    writeFileSync(luaFile, readFileSync(join(ROOT_DIR, 'deploy/dovecot/mailgate-auth.lua')));
    installDeployFile('dovecot/conf.d/90-mailgate-auth.conf', join(root, 'conf.d/90-mailgate-auth.conf'), [
      ['MAILGATE_URL=http://127.0.0.1:3000', `MAILGATE_URL=${flavour.url}`],
      ['MAILGATE_TOKEN_FILE=/etc/dovecot/mailgate.token', `MAILGATE_TOKEN_FILE=${tokenFile}`],
      ['file=/etc/dovecot/mailgate-auth.lua', `file=${luaFile}`],
    ]);
  } else {
    const passwdFile = join(root, 'users.passwd');
    // {PLAIN}: the strictest baseline, Dovecot spends nothing on hashing.
    writeFileSync(passwdFile, flavour.users.map((user) => `${user}:{PLAIN}${flavour.password}::::::\n`).join(''));
    writeFileSync(
      join(root, 'conf.d/90-passwd-file.conf'),
      `auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = ${passwdFile}
}
userdb {
  driver = passwd-file
  args = ${passwdFile}
}
`,
    );
  }
  const configFile = join(root, 'dovecot.conf');
  writeFileSync(configFile, siteConfig({ name, root, port, certFile, keyFile }));

  const outFd = openSync(join(root, 'master.out'), 'a');
  const master = spawn('dovecot', ['-F', '-c', configFile], { stdio: ['ignore', outFd, outFd] });
  closeSync(outFd);
  const exited = new Promise((resolve) => master.once('exit', resolve));
  for (let attempt = 0; !(await canConnect(port)); attempt += 1) {
    if (master.exitCode !== null || attempt > 150) {
      throw new Error(`Dovecot (${name}) did not start:\n${readFileSync(join(root, 'master.out'), 'utf8')}`);
    }
    await sleep(100);
  }
  return {
    port,
    log: () => readFileSync(join(root, 'dovecot.log'), 'utf8'),
    async stop() {
      // SIGTERM to our own child, the master; it stops its login, auth and mail processes.
      if (master.exitCode === null) master.kill('SIGTERM');
      await exited;
    },
  };
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
