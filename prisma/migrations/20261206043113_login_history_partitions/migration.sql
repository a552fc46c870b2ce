-- Login history at scale (issue 13): "login_attempts" becomes a table partitioned by day on
-- "createdAt", so retention drops whole partitions instead of deleting rows, and successes are
-- kept as hourly aggregates (aggregateKey, count, firstAt, lastAt) instead of a row per login.
-- schema.prisma describes the parent table; the partitions, the default partition and the two
-- functions below are hand-written (see prisma/README.md "Hand-written SQL").
-- Existing rows are carried over: refusals as they are, successes folded into hourly aggregates.

-- The old table steps aside with everything that carries the names the new one needs.
ALTER TABLE "login_attempts" RENAME TO "login_attempts_unpartitioned";
ALTER TABLE "login_attempts_unpartitioned" DROP CONSTRAINT "login_attempts_pkey";
ALTER TABLE "login_attempts_unpartitioned" DROP CONSTRAINT "login_attempts_userId_fkey";
DROP INDEX "login_attempts_userId_createdAt_idx";
DROP INDEX "login_attempts_createdAt_idx";
DROP INDEX "login_attempts_clientIp_createdAt_idx";

CREATE TABLE "login_attempts" (
    "id" BIGINT NOT NULL DEFAULT nextval('login_attempts_id_seq'::regclass),
    "userId" UUID,
    "loginAsTyped" TEXT NOT NULL,
    "protocol" "Protocol",
    "clientIp" TEXT,
    "secured" BOOLEAN NOT NULL DEFAULT false,
    "result" "LoginResult" NOT NULL,
    "reasonCode" TEXT NOT NULL,
    "credential" "CredentialKind" NOT NULL DEFAULT 'NONE',
    "appPasswordId" UUID,
    "serviceTokenId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "aggregateKey" UUID,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstAt" TIMESTAMP(3),
    "lastAt" TIMESTAMP(3),

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id", "createdAt")
) PARTITION BY RANGE ("createdAt");
ALTER SEQUENCE "login_attempts_id_seq" OWNED BY "login_attempts"."id";

CREATE UNIQUE INDEX "login_attempts_aggregateKey_createdAt_key" ON "login_attempts"("aggregateKey", "createdAt");
CREATE INDEX "login_attempts_userId_createdAt_idx" ON "login_attempts"("userId", "createdAt" DESC);
ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rows whose day has no partition (clock skew, an instance that ran while maintenance did not,
-- hand-made test rows) wait here; login_attempts_ensure_partition() moves them out.
CREATE TABLE "login_attempts_default" PARTITION OF "login_attempts" DEFAULT;

-- The partition of one UTC day, created if missing: the one place that knows partition names and
-- bounds. Rows of that day waiting in the default partition move in before it is attached.
-- Returns whether it created the partition. SECURITY DEFINER: the app role that runs the
-- maintenance job may not create or drop tables (README, "Database roles"); the owner's function may,
-- and only these tables, with a fixed search_path so the caller cannot redirect it.
CREATE FUNCTION login_attempts_ensure_partition(day date) RETURNS boolean LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  part text := 'login_attempts_p' || to_char(day, 'YYYYMMDD');
BEGIN
  IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
    RETURN false;
  END IF;
  -- fillfactor 80: room on each page for the hourly aggregates' updates to stay HOT (no index writes).
  -- No row for that day may reach the default partition between the move and the attach (the
  -- attach would fail): writes to the default wait for this transaction, reads go on.
  LOCK TABLE public.login_attempts_default IN EXCLUSIVE MODE;
  EXECUTE format('CREATE TABLE public.%I (LIKE public.login_attempts INCLUDING DEFAULTS) WITH (fillfactor = 80)', part);
  EXECUTE format(
    'WITH moved AS (DELETE FROM public.login_attempts_default WHERE "createdAt" >= $1 AND "createdAt" < $2 RETURNING *)
     INSERT INTO public.%I SELECT * FROM moved', part)
    USING day::timestamp, (day + 1)::timestamp;
  EXECUTE format('ALTER TABLE public.login_attempts ATTACH PARTITION public.%I FOR VALUES FROM (%L) TO (%L)',
    part, day::timestamp, (day + 1)::timestamp);
  RETURN true;
END $$;

-- Drops every day partition that ends at or before the cutoff, and deletes the default
-- partition's rows older than it. Returns the number of partitions dropped.
CREATE FUNCTION login_attempts_drop_before(cutoff timestamp) RETURNS integer LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  part record;
  dropped integer := 0;
BEGIN
  FOR part IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'public.login_attempts'::regclass AND c.relname ~ '^login_attempts_p[0-9]{8}$'
      AND to_date(substring(c.relname FROM 17), 'YYYYMMDD') + 1 <= cutoff
  LOOP
    EXECUTE format('DROP TABLE public.%I', part.relname);
    dropped := dropped + 1;
  END LOOP;
  DELETE FROM public.login_attempts_default WHERE "createdAt" < cutoff;
  RETURN dropped;
END $$;

-- Day partitions for the history being carried over (at most the last 400 days; older rows go
-- to the default partition and the next retention run), for today and the next 7 days.
SELECT login_attempts_ensure_partition(day::date)
FROM generate_series(
  GREATEST(
    COALESCE((SELECT min("createdAt") FROM "login_attempts_unpartitioned"), CURRENT_TIMESTAMP AT TIME ZONE 'UTC'),
    (CURRENT_TIMESTAMP AT TIME ZONE 'UTC') - interval '400 days'
  )::date,
  ((CURRENT_TIMESTAMP AT TIME ZONE 'UTC') + interval '7 days')::date,
  interval '1 day'
) AS day;

-- Refusals (and tempfails) as they were.
INSERT INTO "login_attempts"
  ("id", "userId", "loginAsTyped", "protocol", "clientIp", "secured", "result", "reasonCode", "credential",
   "appPasswordId", "serviceTokenId", "createdAt")
SELECT "id", "userId", "loginAsTyped", "protocol", "clientIp", "secured", "result", "reasonCode", "credential",
       "appPasswordId", "serviceTokenId", "createdAt"
FROM "login_attempts_unpartitioned" WHERE "result" <> 'ALLOW';

-- Successes folded into hourly aggregates, keyed as the recorder keys them (md5 of the same
-- fields; the recorder computes that hash too, so later logins of that hour add to these rows).
INSERT INTO "login_attempts"
  ("id", "userId", "loginAsTyped", "protocol", "clientIp", "secured", "result", "reasonCode", "credential",
   "appPasswordId", "serviceTokenId", "createdAt", "aggregateKey", "count", "firstAt", "lastAt")
SELECT min("id"), "userId", (array_agg("loginAsTyped" ORDER BY "createdAt" DESC))[1], "protocol", "clientIp", "secured",
       'ALLOW', 'OK', "credential", "appPasswordId", "serviceTokenId", date_trunc('hour', "createdAt"),
       md5(concat_ws('|', 'ALLOW', 'OK', coalesce("userId"::text, ''), "credential", coalesce("appPasswordId"::text, ''),
                     coalesce("protocol"::text, ''), coalesce("clientIp", ''), "secured"::text,
                     coalesce("serviceTokenId"::text, '')))::uuid,
       count(*), min("createdAt"), max("createdAt")
FROM "login_attempts_unpartitioned" WHERE "result" = 'ALLOW'
GROUP BY "userId", "credential", "appPasswordId", "protocol", "clientIp", "secured", "serviceTokenId",
         date_trunc('hour', "createdAt");

DROP TABLE "login_attempts_unpartitioned";
