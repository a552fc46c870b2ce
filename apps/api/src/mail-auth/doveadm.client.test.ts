import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../infrastructure/config/config.js';
import { MailgateMetrics } from '../infrastructure/metrics/mailgate-metrics.js';
import { parseExposition, sampleValue } from '../../test/support/metrics-scrape.js';
import { DoveadmClient } from './doveadm.client.js';

/** Answers each command with what the test set for it, as Dovecot's doveadm HTTP API does. */
const answers = new Map<string, unknown>();
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    const [[command, , tag]] = JSON.parse(body) as [[string, unknown, string]];
    const answer = answers.get(command) ?? ['doveadmResponse', []];
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify([[...(answer as unknown[]), tag]]));
  });
});

let client: DoveadmClient;
const metrics = new MailgateMetrics();
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = new DoveadmClient(
    {
      DOVEADM_URL: `http://127.0.0.1:${port}/doveadm/v1`,
      DOVEADM_API_KEY: 'key',
    } as AppConfig,
    metrics,
  );
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => {
  answers.clear();
  vi.restoreAllMocks();
});

describe('doveadm kick', () => {
  it('takes exit code 68 (no session matched) as "nothing to kick", without a warning', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    answers.set('kick', ['error', { type: 'exitCode', exitCode: 68 }]);
    expect(await client.kick('anna@example.test', ['IMAP', 'POP3'])).toBe('nothing');
    expect(warn).not.toHaveBeenCalled();
  });

  it('reports and logs any other exit code as a failure', async () => {
    const warn = vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    answers.set('kick', ['error', { type: 'exitCode', exitCode: 75 }]);
    expect(await client.kick('anna@example.test', ['IMAP', 'POP3'])).toBe('failed');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('does not call Dovecot for SMTP (its sessions live in Postfix)', async () => {
    answers.set('kick', ['error', { type: 'exitCode', exitCode: 75 }]);
    expect(await client.kick('anna@example.test', ['SMTP'])).toBe('nothing');
  });

  it('for one protocol, kicks nothing when the user has no session of it', async () => {
    answers.set('who', [
      'doveadmResponse',
      [{ username: 'anna@example.test', service: 'pop3', pid: '9', ip: '192.0.2.9' }],
    ]);
    answers.set('kick', ['error', { type: 'exitCode', exitCode: 75 }]);
    expect(await client.kick('anna@example.test', ['IMAP'])).toBe('nothing');
  });
});

describe('doveadm metrics', () => {
  const calls = async (command: string, result: string) =>
    sampleValue(parseExposition(await metrics.render()), 'mailgate_doveadm_calls_total', { command, result });

  it('counts each call by command and result, keeping "no session matched" apart from failures', async () => {
    vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const before = {
      kickExpected: await calls('kick', 'expected'),
      kickFailed: await calls('kick', 'failed'),
      flushOk: await calls('authCacheFlush', 'ok'),
    };
    answers.set('kick', ['error', { type: 'exitCode', exitCode: 68 }]);
    await client.kick('anna@example.test', ['IMAP', 'POP3']);
    answers.set('kick', ['error', { type: 'exitCode', exitCode: 75 }]);
    await client.kick('anna@example.test', ['IMAP', 'POP3']);
    await client.kick('anna@example.test', ['IMAP', 'POP3']);
    await client.authCacheFlush([]);
    expect(await calls('kick', 'expected')).toBe(before.kickExpected + 1);
    expect(await calls('kick', 'failed')).toBe(before.kickFailed + 2);
    expect(await calls('authCacheFlush', 'ok')).toBe(before.flushOk + 1);
  });

  it('counts a Dovecot that does not answer as unreachable', async () => {
    vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const own = new MailgateMetrics();
    const unreachable = new DoveadmClient(
      { DOVEADM_URL: `http://127.0.0.1:${port}/doveadm/v1`, DOVEADM_API_KEY: 'key' } as AppConfig,
      own,
    );
    expect(await unreachable.authCacheFlush(['anna@example.test'])).toBe(false);
    const samples = parseExposition(await own.render());
    expect(
      sampleValue(samples, 'mailgate_doveadm_calls_total', { command: 'authCacheFlush', result: 'unreachable' }),
    ).toBe(1);
    expect(sampleValue(samples, 'mailgate_doveadm_calls_total')).toBe(1);
  });
});
