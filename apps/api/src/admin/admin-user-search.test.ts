import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTestApp } from '../../test/support/test-app.js';
import { createUser } from '../../test/support/builders.js';
import { callAs, signedInUser, type Caller } from '../../test/support/admin-kit.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { escapeLike, resolveMatch } from './admin-user-search.service.js';
import { adminUserOperations } from '@mailgate/contracts';
import { expectContract } from '../../test/support/contract-client.js';

let app: NestFastifyApplication;
let support: Caller;
// Every user of this file carries a random token, so other tests' users never match.
const token = `q${randomBytes(5).toString('hex')}`;
const emails = {
  anna: `${token}.anna@example.test`,
  bert: `${token}.bert@example.test`,
  carla: `x-${token}-carla@example.test`,
  dora: `dora-${randomBytes(4).toString('hex')}@example.test`,
};

withTestApp((started) => ({ app } = started));
beforeAll(async () => {
  support = await signedInUser(app, 'SUPPORT');
  const prisma = app.get(PrismaService);
  await createUser(prisma, { email: emails.anna, displayName: 'Anna Becker' });
  await createUser(prisma, { email: emails.bert, displayName: 'Bert Brecht', role: 'SUPPORT' });
  await createUser(prisma, { email: emails.carla, displayName: 'Carla Dietz' });
  await createUser(prisma, { email: emails.dora, displayName: `Dora ${token.toUpperCase()}-Stein` });
});

async function search(query: Record<string, string>) {
  const response = await callAs(app, support, 'GET', '/api/admin/users', { query });
  return response;
}

async function emailsFor(query: Record<string, string>): Promise<string[]> {
  const found = expectContract(adminUserOperations.searchUsers, await search(query));
  return found.items.map((item) => item.email);
}

describe('user search', () => {
  it('finds one account by exact e-mail, whatever the case and surrounding spaces', async () => {
    const response = await search({ q: `  ${emails.anna.toUpperCase()} `, match: 'exact' });
    expect(expectContract(adminUserOperations.searchUsers, response)).toEqual({
      match: 'exact',
      nextCursor: null,
      items: [
        {
          id: expect.any(String),
          email: emails.anna,
          displayName: 'Anna Becker',
          role: 'USER',
          disabled: false,
          totpEnabled: false,
          createdAt: expect.any(String),
        },
      ],
    });
    expect(await emailsFor({ q: `${token}.anna@example.tes`, match: 'exact' })).toEqual([]);
  });

  it('finds e-mail prefixes, in e-mail order', async () => {
    expect(await emailsFor({ q: `${token}.`, match: 'prefix' })).toEqual([emails.anna, emails.bert]);
    expect(await emailsFor({ q: `${token}.b`, match: 'prefix' })).toEqual([emails.bert]);
    // A prefix is anchored at the start: carla's address only contains the token.
    expect(await emailsFor({ q: token, match: 'prefix' })).not.toContain(emails.carla);
  });

  it('finds substrings of e-mail or name (case-insensitive) from 3 characters', async () => {
    expect(await emailsFor({ q: token, match: 'substring' })).toEqual(
      [emails.anna, emails.bert, emails.carla, emails.dora].sort(),
    );
    expect(await emailsFor({ q: `${token.toUpperCase()}-stein`, match: 'substring' })).toEqual([emails.dora]);
    const short = await search({ q: 'ab', match: 'substring' });
    expect(short.json()).toMatchObject({ status: 400, code: 'SEARCH_TERM_TOO_SHORT' });
  });

  it('picks the match for `auto` from the term', async () => {
    expect(resolveMatch('a@b.example', 'auto')).toBe('exact');
    expect(resolveMatch('anna', 'auto')).toBe('substring');
    expect(resolveMatch('an', 'auto')).toBe('prefix');
    expect(expectContract(adminUserOperations.searchUsers, await search({ q: emails.carla })).match).toBe('exact');
    expect(expectContract(adminUserOperations.searchUsers, await search({ q: token })).match).toBe('substring');
  });

  it('treats % and _ literally', async () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(await emailsFor({ q: `${token}%`, match: 'prefix' })).toEqual([]);
    expect(await emailsFor({ q: `${token}_anna`, match: 'substring' })).toEqual([]);
    expect(await emailsFor({ q: `%${token.slice(1)}`, match: 'substring' })).toEqual([]);
  });

  it('filters by role', async () => {
    expect(await emailsFor({ q: token, match: 'substring', role: 'SUPPORT' })).toEqual([emails.bert]);
  });

  it('pages with a cursor: every match once, in order, then no cursor', async () => {
    const pageToken = `p${randomBytes(5).toString('hex')}`;
    const prisma = app.get(PrismaService);
    const all: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      const email = `${pageToken}-${String.fromCharCode(97 + ((index * 3) % 7))}${index}@example.test`;
      await createUser(prisma, { email });
      all.push(email);
    }
    for (const match of ['prefix', 'substring'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const response = await search({ q: pageToken, match, limit: '3', ...(cursor ? { cursor } : {}) });
        const body = response.json<{ items: { email: string }[]; nextCursor: string | null }>();
        expect(body.items.length).toBeLessThanOrEqual(3);
        seen.push(...body.items.map((item) => item.email));
        cursor = body.nextCursor ?? undefined;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      // Byte order (what the pattern index yields); these addresses are plain ASCII.
      expect(seen).toEqual([...all].sort());
    }
  });

  it('refuses foreign or forged cursors and oversized pages', async () => {
    const first = await search({ q: token, match: 'substring', limit: '1' });
    const cursor = first.json<{ nextCursor: string }>().nextCursor;
    expect(cursor).toEqual(expect.any(String));
    const other = await search({ q: `${token}.`, match: 'prefix', cursor });
    expect(other.json()).toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
    const forged = await search({
      q: token,
      match: 'substring',
      cursor: Buffer.from('{"e":"a"}').toString('base64url'),
    });
    expect(forged.json().code).toBe('INVALID_CURSOR');
    // A cursor of this very search (its fingerprint is right) with text PostgreSQL cannot take.
    const genuine = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { f: string; e: string };
    for (const e of ['a\u0000b', '\ud800', 'x'.repeat(300), 42]) {
      const hostile = await search({
        q: token,
        match: 'substring',
        cursor: Buffer.from(JSON.stringify({ ...genuine, e })).toString('base64url'),
      });
      expect(hostile.json(), String(e)).toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
    }
    const tooMany = await search({ q: token, limit: '51' });
    expect(tooMany.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const empty = await search({ q: '   ' });
    expect(empty.json().code).toBe('VALIDATION_FAILED');
  });
});
