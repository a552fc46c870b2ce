#!/bin/sh
# PostgreSQL image init hook (docker-compose.yml mounts it into /docker-entrypoint-initdb.d/):
# creates Mailgate's owner and app roles and its database with roles.sql, on first start only.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v database=mailgate \
  -v owner_role=mailgate_owner -v owner_password="$MAILGATE_OWNER_PASSWORD" \
  -v app_role=mailgate_app -v app_password="$MAILGATE_APP_PASSWORD" \
  -f /mailgate-postgres/roles.sql
