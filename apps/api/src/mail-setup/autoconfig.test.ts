import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/support/test-app.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
// Attributes kept (type="imap", version, xmlns), comments and whitespace dropped: documents compare by structure.
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, processEntities: false });
const parse = (xml: string) => parser.parse(xml) as Record<string, unknown>;
const autodiscoverRequest = (address: string) => fixture('autodiscover-request.xml').replace('{{ADDRESS}}', address);

describe('autoconfiguration for mail programs', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    // A built SPA in place, so a miss would fall back to index.html: these answers must not.
    const webDist = mkdtempSync(join(tmpdir(), 'mailgate-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>spa</title>');
    app = await createTestApp({
      WEB_DIST_DIR: webDist,
      MAIL_DOMAINS: 'Example.com, example.net',
      MAIL_PROVIDER_NAME: 'Example Mail',
      MAIL_IMAP_HOST: 'imap.example.com',
      MAIL_POP3_HOST: 'pop.example.com',
      MAIL_SMTP_HOST: 'smtp.example.com',
    });
  });
  afterAll(() => app?.close());

  const thunderbird = (url: string) => app.inject({ method: 'GET', url });
  const autodiscover = (payload: string, contentType = 'text/xml', url = '/autodiscover/autodiscover.xml') =>
    app.inject({ method: 'POST', url, headers: { 'content-type': contentType }, payload });

  it('answers Thunderbird on both paths with the file its format describes', async () => {
    for (const url of [
      '/.well-known/autoconfig/mail/config-v1.1.xml',
      '/mail/config-v1.1.xml?emailaddress=someone%40example.com',
      '/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=x%40EXAMPLE.NET',
    ]) {
      const response = await thunderbird(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(parse(response.body)).toEqual(parse(fixture('thunderbird-config.expected.xml')));
    }
  });

  it('gives every address of a served domain the same bytes, so nothing tells whether a mailbox exists', async () => {
    const bodies = await Promise.all(
      ['alice@example.com', 'no-such-user-8271@example.com', 'bob@example.net'].map(
        async (address) =>
          (await thunderbird(`/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(address)}`)).body,
      ),
    );
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain('alice');
  });

  it('refuses an address of another domain with a problem, not the SPA page', async () => {
    const response = await thunderbird('/mail/config-v1.1.xml?emailaddress=someone%40example.org');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'MAIL_DOMAIN_NOT_SERVED' });
    const notAnAddress = await thunderbird('/mail/config-v1.1.xml?emailaddress=nobody');
    expect(notAnAddress.statusCode).toBe(400);
    expect(notAnAddress.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('answers Outlook Autodiscover (POX) with the response its schema describes', async () => {
    for (const url of ['/autodiscover/autodiscover.xml', '/Autodiscover/Autodiscover.xml']) {
      const response = await autodiscover(autodiscoverRequest('erika@example.com'), 'text/xml', url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      const expected = fixture('autodiscover-response.expected.xml').replaceAll('{{ADDRESS}}', 'erika@example.com');
      expect(parse(response.body)).toEqual(parse(expected));
    }
  });

  it('gives any two addresses of the domain the same Autodiscover answer apart from the address itself', async () => {
    const known = await autodiscover(autodiscoverRequest('erika@example.com'), 'application/xml');
    const unknown = await autodiscover(autodiscoverRequest('zz-unknown@example.com'), 'application/xml');
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body.replaceAll('zz-unknown@example.com', 'erika@example.com')).toBe(known.body);
  });

  it('refuses Autodiscover for other domains, other schemas and anything that is not the request', async () => {
    const foreign = await autodiscover(autodiscoverRequest('someone@example.org'));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('MAIL_DOMAIN_NOT_SERVED');
    const activeSync = await autodiscover(
      autodiscoverRequest('erika@example.com').replace(
        'outlook/responseschema/2006a',
        'mobilesync/responseschema/2006',
      ),
    );
    expect(activeSync.json().code).toBe('AUTODISCOVER_REQUEST_INVALID');
    const bombs = [
      '',
      'not xml at all',
      '<Autodiscover><Request></Request></Autodiscover>',
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><Autodiscover><Request><EMailAddress>&x;</EMailAddress></Request></Autodiscover>',
    ];
    for (const payload of bombs) {
      const response = await autodiscover(payload);
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().code, payload).toBe('AUTODISCOVER_REQUEST_INVALID');
    }
    const json = await autodiscover(JSON.stringify({ EMailAddress: 'erika@example.com' }), 'application/json');
    expect(json.statusCode).toBe(400);
    const tooLarge = await autodiscover(`<a>${'x'.repeat(20_000)}</a>`);
    expect(tooLarge.statusCode).toBe(413);
  });

  it('keeps refusing XML bodies on every other route', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'text/xml', 'x-requested-with': 'mailgate' },
      payload: '<a/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
