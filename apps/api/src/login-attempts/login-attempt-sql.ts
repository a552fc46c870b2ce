import { isIP } from 'node:net';
import type pg from 'pg';
import type { LoginAttemptAggregate } from './login-attempt-batch.js';
import type { LoginAttemptRecord } from './login-attempts.types.js';
import { sanitiseForStorage } from './sanitise.js';

interface Fields {
  record: LoginAttemptRecord;
  createdAt: Date;
}

/** The 11 columns both statements share, as arrays for unnest(). */
function columns(items: readonly Fields[]): unknown[] {
  const column = <T>(pick: (item: Fields) => T): T[] => items.map(pick);
  return [
    column(({ record }) => record.userId),
    column(({ record }) => sanitiseForStorage(record.loginAsTyped)),
    column(({ record }) => record.protocol),
    column(({ record }) => (record.clientIp && isIP(record.clientIp) ? record.clientIp : null)),
    column(({ record }) => record.secured),
    column(({ record }) => record.result),
    column(({ record }) => sanitiseForStorage(record.reasonCode, 64)),
    column(({ record }) => record.credential),
    column(({ record }) => record.appPasswordId),
    column(({ record }) => record.serviceTokenId),
    column(({ createdAt }) => createdAt.toISOString()),
  ];
}

// One statement per batch through unnest(): a fixed number of parameters whatever the batch size.
// The user id is joined against users so an account deleted meanwhile cannot fail the batch.
const SELECT_SHARED = `
  SELECT u."id", t.login, t.protocol::"Protocol", t.client_ip, t.secured, t.result::"LoginResult", t.reason,
         t.credential::"CredentialKind", t.app_password_id, t.service_token_id,
         (t.created_at::timestamptz AT TIME ZONE 'UTC')`;
const UNNEST_SHARED = `$1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[],
                   $8::text[], $9::uuid[], $10::uuid[], $11::text[]`;
const ALIAS_SHARED = `user_id, login, protocol, client_ip, secured, result, reason, credential, app_password_id,
              service_token_id, created_at`;
const INSERT_SHARED = `"userId", "loginAsTyped", "protocol", "clientIp", "secured", "result", "reasonCode",
          "credential", "appPasswordId", "serviceTokenId", "createdAt"`;

/** Single attempts (refusals, tempfails), one row each. */
export async function insertAttemptRows(pool: pg.Pool, rows: readonly LoginAttemptRecord[]): Promise<void> {
  await pool.query(
    `INSERT INTO "login_attempts" (${INSERT_SHARED})
     ${SELECT_SHARED}
     FROM unnest(${UNNEST_SHARED}) AS t(${ALIAS_SHARED})
     LEFT JOIN "users" u ON u."id" = t.user_id`,
    columns(rows.map((record) => ({ record, createdAt: record.createdAt }))),
  );
}

/**
 * Hourly aggregates: one row per (aggregateKey, hour start), counts added and first/last widened
 * when another flush (of this or another instance) already wrote that hour. Callers sort by key
 * so that two instances upserting the same keys lock them in the same order (no deadlock).
 */
export async function upsertAggregates(pool: pg.Pool, aggregates: readonly LoginAttemptAggregate[]): Promise<void> {
  await pool.query(
    `INSERT INTO "login_attempts" (${INSERT_SHARED}, "aggregateKey", "count", "firstAt", "lastAt")
     ${SELECT_SHARED}, t.aggregate_key, t.count,
         (t.first_at::timestamptz AT TIME ZONE 'UTC'), (t.last_at::timestamptz AT TIME ZONE 'UTC')
     FROM unnest(${UNNEST_SHARED}, $12::uuid[], $13::int[], $14::text[], $15::text[])
       AS t(${ALIAS_SHARED}, aggregate_key, count, first_at, last_at)
     LEFT JOIN "users" u ON u."id" = t.user_id
     ON CONFLICT ("aggregateKey", "createdAt") DO UPDATE SET
       "count" = "login_attempts"."count" + EXCLUDED."count",
       "firstAt" = LEAST("login_attempts"."firstAt", EXCLUDED."firstAt"),
       "lastAt" = GREATEST("login_attempts"."lastAt", EXCLUDED."lastAt")`,
    [
      ...columns(aggregates.map((aggregate) => ({ record: aggregate.record, createdAt: aggregate.hour }))),
      aggregates.map((aggregate) => aggregate.key),
      aggregates.map((aggregate) => aggregate.count),
      aggregates.map((aggregate) => aggregate.firstAt.toISOString()),
      aggregates.map((aggregate) => aggregate.lastAt.toISOString()),
    ],
  );
}
