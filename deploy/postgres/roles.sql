-- Mailgate's two database roles and its database (README.md, "Database roles"). Run once, as a
-- superuser, with psql; every variable is required:
--
--   psql -v ON_ERROR_STOP=1 -v database=mailgate \
--        -v owner_role=mailgate_owner -v owner_password="$MAILGATE_OWNER_PASSWORD" \
--        -v app_role=mailgate_app -v app_password="$MAILGATE_APP_PASSWORD" \
--        -f deploy/postgres/roles.sql
--
-- Then DATABASE_MIGRATION_URL names the owner and DATABASE_URL the app role. The owner applies
-- migrations at start and afterwards grants the app role exactly what the app needs on each table
-- (packages/db/src/app-role-grants.mjs): rows, never tables; on audit_events only SELECT/INSERT.
--
-- Plain statements only, one per line end, no psql commands but \connect: the tests run this very
-- file (apps/api/test/db/role-split.ts).

-- Owns the database, its schema and every table; applies migrations. Not a superuser: it cannot
-- bypass triggers either, but as the tables' owner it could disable them, so the app never uses it.
CREATE ROLE :"owner_role" LOGIN PASSWORD :'owner_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;

-- What the API connects as: may log in and nothing else until the owner grants it row access.
-- A non-superuser cannot set session_replication_role, so triggers always fire for it.
CREATE ROLE :"app_role" LOGIN PASSWORD :'app_password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;

CREATE DATABASE :"database" OWNER :"owner_role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"app_role";

\connect :"database"

-- PostgreSQL 15+ already denies PUBLIC the right to create in schema public; older versions grant
-- it. Same rule everywhere: only the owner creates objects.
ALTER SCHEMA public OWNER TO :"owner_role";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app_role";
