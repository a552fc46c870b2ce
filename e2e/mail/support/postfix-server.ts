// A private Postfix: own config directory, queue, data dir and log file under a temp folder, one
// submission listener on a loopback high port. The site part below stands for an operator's
// main.cf/master.cf; the Mailgate parts are deploy/postfix/ unchanged (paths and port aside).
import { appendFileSync, chmodSync, chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { installDeployFile, substitute, readDeployFile } from './deploy-files.js';
import { run, stopProcessTree, waitFor, waitForPort } from './processes.js';

export interface PostfixOptions {
  dir: string;
  submissionPort: number;
  certFile: string;
  keyFile: string;
  /**
   * A second listener on this loopback port that accepts mail from 127.0.0.0/8 without AUTH (as a
   * relay for Mailgate's outgoing mail) and delivers the test domain to Dovecot over LMTP.
   */
  relayPort?: number;
}

export interface PostfixServer {
  queueDir: string;
  logFile: string;
  /** Starts the daemons (after Dovecot, whose SASL socket lives in the queue directory). */
  start(): Promise<void>;
  log(): string;
  stop(): Promise<void>;
}

// Only the daemons a submission session needs. Chroot is off: the queue is a temp folder.
const SITE_MASTER_CF = `# Test site master.cf
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
proxymap  unix  -       -       n       -       -       proxymap
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
`;

// Mail for the test domain goes to Dovecot; everything else still goes nowhere (default_transport).
const LOCAL_DELIVERY_MAIN_CF = `
# Local delivery for the outgoing-mail tests
mynetworks = 127.0.0.0/8
virtual_mailbox_domains = example.test
virtual_transport = lmtp:unix:private/dovecot-lmtp
`;

function localDeliveryMasterCf(port: number): string {
  return `
lmtp      unix  -       -       n       -       -       lmtp
127.0.0.1:${port} inet n  -       n       -       -       smtpd
  -o smtpd_sasl_auth_enable=no
  -o smtpd_tls_security_level=none
  -o smtpd_client_restrictions=
  -o smtpd_sender_restrictions=
  -o smtpd_relay_restrictions=permit_mynetworks,reject
  -o smtpd_recipient_restrictions=permit_mynetworks,reject
`;
}

export function preparePostfix(options: PostfixOptions): PostfixServer {
  const root = path.join(options.dir, 'postfix');
  const configDir = path.join(root, 'etc');
  const queueDir = path.join(root, 'queue');
  const dataDir = path.join(root, 'data');
  const logDir = path.join(root, 'log');
  const privateDir = path.join(queueDir, 'private');
  for (const dir of [configDir, queueDir, dataDir, logDir, privateDir]) mkdirSync(dir, { recursive: true });
  const account = postfixAccount();
  chownSync(dataDir, account.uid, account.gid);
  // Dovecot puts its SASL socket here before Postfix starts (postfix check keeps these owners).
  chownSync(privateDir, account.uid, account.gid);
  chmodSync(privateDir, 0o700);
  const logFile = path.join(logDir, 'postfix.log');
  const senderMap = path.join(configDir, 'mailgate-sender-login.regexp');

  writeFileSync(
    path.join(configDir, 'main.cf'),
    `# Test site main.cf
compatibility_level = 3.6
queue_directory = ${queueDir}
data_directory = ${dataDir}
mail_owner = postfix
setgid_group = postdrop
myhostname = mail.example.test
mydomain = example.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
# Postfix logs to syslog by default, which the test machine does not have.
maillog_file = ${logFile}
maillog_file_prefixes = ${logDir}
# Nothing is ever delivered; sessions end before DATA anyway.
default_transport = error
local_transport = error
smtpd_reject_unlisted_recipient = no
alias_maps =
alias_database =
smtpd_tls_cert_file = ${options.certFile}
smtpd_tls_key_file = ${options.keyFile}

`,
  );
  appendFileSync(
    path.join(configDir, 'main.cf'),
    substitute(
      readDeployFile('postfix/main.cf'),
      [['regexp:/etc/postfix/mailgate-sender-login.regexp', `regexp:${senderMap}`]],
      'postfix/main.cf',
    ),
  );
  if (options.relayPort) appendFileSync(path.join(configDir, 'main.cf'), LOCAL_DELIVERY_MAIN_CF);
  installDeployFile('postfix/mailgate-sender-login.regexp', senderMap, []);
  writeFileSync(
    path.join(configDir, 'master.cf'),
    SITE_MASTER_CF +
      substitute(
        readDeployFile('postfix/master.cf'),
        [[/^submission inet/m, `127.0.0.1:${options.submissionPort} inet`]],
        'postfix/master.cf',
      ) +
      (options.relayPort ? localDeliveryMasterCf(options.relayPort) : ''),
  );

  let masterPid = 0;
  return {
    queueDir,
    logFile,
    async start() {
      // `postfix check` creates the queue's subdirectories with the right owners. Errors of the
      // postfix command go to syslog, so on failure the log file is the place to look.
      const explain = () => readFileOrEmpty(logFile) || '(no postfix log; is maillog_file_prefixes right?)';
      const check = await run('postfix', ['-c', configDir, 'check']);
      if (check.code !== 0) throw new Error(`postfix check failed:\n${check.stderr}\n${explain()}`);
      let started = await run('postfix', ['-c', configDir, 'start']);
      if (started.code !== 0) {
        // `postfix start` gives the new master a bounded time to report ready ("mail system
        // startup failed" otherwise); on a loaded 2-core machine that can run out. Try once more
        // from a clean state, and fail with both attempts' output if it happens again.
        const firstAttempt = `${started.stderr}\n${explain()}`;
        await run('postfix', ['-c', configDir, 'stop']);
        started = await run('postfix', ['-c', configDir, 'start']);
        if (started.code !== 0) {
          throw new Error(`postfix start failed twice:\n${firstAttempt}\n---\n${started.stderr}\n${explain()}`);
        }
      }
      const pidFile = path.join(queueDir, 'pid/master.pid');
      await waitFor(() => {
        masterPid = Number(readFileOrEmpty(pidFile).trim());
        return masterPid > 0;
      }, 'Postfix master.pid');
      await waitForPort(options.submissionPort, 'Postfix submission');
    },
    log: () => readFileOrEmpty(logFile),
    async stop() {
      if (masterPid <= 0) return;
      await stopProcessTree(masterPid, { politely: () => run('postfix', ['-c', configDir, 'stop']) });
      masterPid = 0;
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

function postfixAccount(): { uid: number; gid: number } {
  const fields = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('postfix:'))
    ?.split(':');
  const uid = Number(fields?.[2]);
  const gid = Number(fields?.[3]);
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) {
    throw new Error('the postfix user does not exist (is the postfix package installed?)');
  }
  return { uid, gid };
}
