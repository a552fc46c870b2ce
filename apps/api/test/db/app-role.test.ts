// The app role (DATABASE_URL) cannot rewrite history by any route: not by UPDATE/DELETE/TRUNCATE,
// not by the retention purge flag, not by switching off triggers (session_replication_role, ALTER
// TABLE … DISABLE TRIGGER), not by dropping or re-creating things. And the app still works as it.
// This run's database is set up by roles.sql (test/db/global-setup.ts): inject('databaseUrl') is
// the app role, inject('databaseOwnerUrl') the owner that migrated and granted.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaService } from '../../src/infrastructure/database/prisma.service.js';
import { createUser, signIn } from '../support/builders.js';
import { createTestApp } from '../support/test-app.js';

const INSUFFICIENT_PRIVILEGE = '42501';

let app: NestFastifyApplication;
let prisma: PrismaService;
let asApp: pg.Client;
let auditId: string;

beforeAll(async () => {
  app = await createTestApp();
  prisma = app.get(PrismaService);
  asApp = new pg.Client({ connectionString: inject('databaseUrl') });
  await asApp.connect();
  const user = await createUser(prisma);
  const { rows } = await asApp.query(
    `INSERT INTO audit_events ("actorRole", "targetUserId", action, reason) VALUES ('SYSTEM', $1, 'test.app_role', 'original') RETURNING id`,
    [user.id],
  );
  auditId = String(rows[0].id);
});
afterAll(async () => {
  await asApp?.end();
  await app?.close();
});

async function refused(sql: string, params: unknown[] = []): Promise<pg.DatabaseError> {
  const error = await asApp.query(sql, params).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, `${sql} must be refused`).toBeInstanceOf(pg.DatabaseError);
  return error as pg.DatabaseError;
}

async function expectRowUntouched(): Promise<void> {
  const owner = new pg.Client({ connectionString: inject('databaseOwnerUrl') });
  await owner.connect();
  try {
    const { rows } = await owner.query('SELECT reason FROM audit_events WHERE id = $1', [auditId]);
    expect(rows).toEqual([{ reason: 'original' }]);
  } finally {
    await owner.end();
  }
}

describe('the app role', () => {
  it('is neither a superuser nor the owner of anything in the schema', async () => {
    const { rows: me } = await asApp.query(
      'SELECT rolsuper, rolcreatedb, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    expect(me).toEqual([{ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false }]);
    const { rows: owned } = await asApp.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user`,
    );
    expect(owned).toEqual([]);
    const { rows: database } = await asApp.query(
      'SELECT pg_get_userbyid(datdba) <> current_user AS foreign FROM pg_database WHERE datname = current_database()',
    );
    expect(database).toEqual([{ foreign: true }]);
  });

  it('cannot UPDATE, DELETE or TRUNCATE audit rows', async () => {
    for (const sql of [
      `UPDATE audit_events SET reason = 'rewritten' WHERE id = $1`,
      'DELETE FROM audit_events WHERE id = $1',
    ]) {
      expect((await refused(sql, [auditId])).code).toBe(INSUFFICIENT_PRIVILEGE);
    }
    expect((await refused('TRUNCATE audit_events')).code).toBe(INSUFFICIENT_PRIVILEGE);
    expect((await refused('TRUNCATE audit_events, users CASCADE')).code).toBe(INSUFFICIENT_PRIVILEGE);
    await expectRowUntouched();
  });

  it('cannot delete through the retention purge flag', async () => {
    await asApp.query('BEGIN');
    try {
      await asApp.query(`SET LOCAL mailgate.audit_purge = 'on'`);
      expect((await refused('DELETE FROM audit_events WHERE id = $1', [auditId])).code).toBe(INSUFFICIENT_PRIVILEGE);
    } finally {
      await asApp.query('ROLLBACK');
    }
    await expectRowUntouched();
  });

  it('cannot switch the append-only trigger off (replica mode, DISABLE TRIGGER, DROP)', async () => {
    expect((await refused('SET session_replication_role = replica')).code).toBe(INSUFFICIENT_PRIVILEGE);
    expect((await refused(`SELECT set_config('session_replication_role', 'replica', false)`)).code).toBe(
      INSUFFICIENT_PRIVILEGE,
    );
    const { rows: triggers } = await asApp.query(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal`,
    );
    expect(triggers.length).toBeGreaterThan(0);
    for (const { tgname } of triggers as { tgname: string }[]) {
      const trigger = pg.escapeIdentifier(tgname);
      expect((await refused(`ALTER TABLE audit_events DISABLE TRIGGER ${trigger}`)).code).toBe(INSUFFICIENT_PRIVILEGE);
      expect((await refused(`DROP TRIGGER ${trigger} ON audit_events`)).code).toBe(INSUFFICIENT_PRIVILEGE);
    }
    for (const sql of [
      'ALTER TABLE audit_events DISABLE TRIGGER ALL',
      'ALTER TABLE audit_events DISABLE TRIGGER USER',
      'ALTER TABLE audit_events OWNER TO CURRENT_USER',
      'DROP TABLE audit_events CASCADE',
      `CREATE RULE keep AS ON UPDATE TO audit_events DO INSTEAD NOTHING`,
    ]) {
      expect((await refused(sql)).code).toBe(INSUFFICIENT_PRIVILEGE);
    }
    const { rows: enabled } = await asApp.query(
      `SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal AND tgenabled = 'O'`,
    );
    expect(enabled).toEqual([{ n: triggers.length }]);
  });

  it('cannot create objects, take the owner role or grant itself more', async () => {
    expect((await refused('CREATE TABLE public.app_made (id int)')).code).toBe(INSUFFICIENT_PRIVILEGE);
    expect((await refused(`CREATE FUNCTION public.app_made() RETURNS int LANGUAGE sql AS 'SELECT 1'`)).code).toBe(
      INSUFFICIENT_PRIVILEGE,
    );
    const ownerRole = decodeURIComponent(new URL(inject('databaseOwnerUrl')).username);
    expect((await refused(`SET ROLE ${pg.escapeIdentifier(ownerRole)}`)).code).toBe(INSUFFICIENT_PRIVILEGE);
    // Without the grant option, GRANT only warns and grants nothing.
    await asApp.query('GRANT UPDATE, DELETE, TRUNCATE ON audit_events TO CURRENT_USER');
    expect((await refused(`UPDATE audit_events SET reason = 'x' WHERE id = $1`, [auditId])).code).toBe(
      INSUFFICIENT_PRIVILEGE,
    );
    await expectRowUntouched();
  });
});

describe('the API connected as the app role', () => {
  it('signs a user in and saves a settings change with its audit row', async () => {
    const user = await createUser(prisma);
    const session = await signIn(app, user);
    const response = await app.inject({
      method: 'PUT',
      url: '/api/account/protocols/imap',
      cookies: session.cookies,
      headers: session.headers,
      payload: { enabled: true, duration: 'unlimited' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const { rows } = await asApp.query(
      `SELECT action FROM audit_events WHERE "targetUserId" = $1 AND action LIKE 'protocol%'`,
      [user.id],
    );
    expect(rows.length).toBe(1);
  });
});
