#!/usr/bin/env node
// Runs a project command under a supported Node.js, with dependencies installed.
//
// Why this exists: the README promises that `npm start` and `npm test` work on a fresh machine
// that has only Node.js and npm. Mailgate's dependencies need Node >= 22.12, but many machines
// (ours included) still carry Node 20. When the running Node is too old, we install Node 24 LTS
// from the npm registry (package `node-<platform>-<arch>`) into the git-ignored `.tools/` folder
// and re-run the command under it. This file must stay plain CommonJS that Node 16+ can parse.
//
// Usage: node scripts/launch.cjs <command> [args...]
//   <command> is a file under scripts/ (e.g. `tasks/start.mjs`) or a binary in node_modules/.bin.
'use strict';

const { spawnSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const MIN_NODE = [22, 12];
const PROVISIONED_MAJOR = 24;
const TOOLS_DIR = path.join(ROOT, '.tools', `node-${PROVISIONED_MAJOR}`);

function log(message) {
  process.stderr.write(`[mailgate] ${message}\n`);
}

function isSupported(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

function npmCommand() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function provisionedNodeBinary() {
  const pkg = `node-${process.platform}-${process.arch}`;
  const binary = path.join(TOOLS_DIR, 'node_modules', pkg, 'bin', 'node');
  if (fs.existsSync(binary)) return binary;
  log(`Node.js ${process.version} is older than ${MIN_NODE.join('.')}; installing Node ${PROVISIONED_MAJOR} LTS`);
  log(`from the npm registry (${pkg}@${PROVISIONED_MAJOR}) into .tools/ — this happens once.`);
  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  const result = spawnSync(
    npmCommand(),
    [
      'install',
      '--prefix',
      TOOLS_DIR,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      `${pkg}@${PROVISIONED_MAJOR}`,
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0 || !fs.existsSync(binary)) {
    log(`Could not install ${pkg}@${PROVISIONED_MAJOR}. Install Node.js >= ${MIN_NODE.join('.')} yourself and retry.`);
    process.exit(1);
  }
  return binary;
}

// Installs dependencies when node_modules is missing or older than the lockfile.
function ensureDependencies(env) {
  const lock = path.join(ROOT, 'package-lock.json');
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const upToDate =
    fs.existsSync(marker) && (!fs.existsSync(lock) || fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs);
  if (upToDate) return;
  const args = fs.existsSync(lock) ? ['ci'] : ['install'];
  log(`installing dependencies (npm ${args[0]})…`);
  const result = spawnSync(npmCommand(), [...args, '--no-audit', '--no-fund'], { stdio: 'inherit', cwd: ROOT, env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    log('usage: node scripts/launch.cjs <command> [args...]');
    process.exit(2);
  }
  const nodeBinary = isSupported(process.version) ? process.execPath : provisionedNodeBinary();
  const env = {
    ...process.env,
    // Children (npm, npx, vite, tsc) must find the same Node first on PATH.
    PATH: [path.dirname(nodeBinary), path.join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter),
  };
  // Inside npm's own install (our postinstall) node_modules is being written: do not recurse.
  if (!process.env.MAILGATE_SKIP_INSTALL && process.env.npm_lifecycle_event !== 'postinstall') ensureDependencies(env);

  const script = path.join(ROOT, 'scripts', command);
  const child = fs.existsSync(script)
    ? spawn(nodeBinary, [script, ...args], { stdio: 'inherit', cwd: ROOT, env })
    : spawn(command, args, { stdio: 'inherit', cwd: ROOT, env, shell: process.platform === 'win32' });

  // Forward Ctrl-C / SIGTERM so the child can shut down cleanly (PostgreSQL included).
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    log(`could not run ${command}: ${error.message}`);
    process.exit(1);
  });
}

main();
