// A database set up exactly as deploy/postgres/roles.sql sets up production: an owner role that
// owns the database and migrates, and an app role that the API connects as. The roles are
// cluster-wide, so each call makes its own pair with random names and passwords, and drops them.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ROOT_DIR } from '@mailgate/db';

export const ROLES_SQL = path.join(ROOT_DIR, 'deploy/postgres/roles.sql');

export interface RoleSplit {
  database: string;
  ownerRole: string;
  ownerUrl: string;
  appRole: string;
  appUrl: string;
}

function urlFor(serverUrl: string, database: string, role?: { name: string; password: string }): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  if (role) {
    url.username = encodeURIComponent(role.name);
    url.password = encodeURIComponent(role.password);
  }
  return url.toString();
}

/**
 * roles.sql as psql would run it: `:'name'` and `:"name"` replaced by the quoted variable, one
 * statement per `;` at a line end, `\connect` switching to the new database. Returns the statement
 * groups per connection: [on the server, in the new database].
 */
export function rolesScript(variables: Record<string, string>): [string[], string[]] {
  const text = fs
    .readFileSync(ROLES_SQL, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .replace(/:'(\w+)'/g, (_, name: string) => pg.escapeLiteral(variable(variables, name)))
    .replace(/:"(\w+)"/g, (_, name: string) => pg.escapeIdentifier(variable(variables, name)));
  const [onServer = '', inDatabase = ''] = text.split(/^\\connect .*$/m);
  const statements = (part: string) =>
    part
      .split(/;\s*$/m)
      .map((statement) => statement.trim())
      .filter(Boolean);
  return [statements(onServer), statements(inDatabase)];
}

function variable(variables: Record<string, string>, name: string): string {
  const value = variables[name];
  if (value === undefined) throw new Error(`roles.sql uses :${name}, which is not set`);
  return value;
}

async function runAll(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Creates the database and both roles with roles.sql on `serverUrl` (a superuser's URL). */
export async function createRoleSplit(serverUrl: string, database: string): Promise<RoleSplit> {
  const owner = { name: `${database}_owner`, password: randomBytes(18).toString('hex') };
  const app = { name: `${database}_app`, password: randomBytes(18).toString('hex') };
  const [onServer, inDatabase] = rolesScript({
    database,
    owner_role: owner.name,
    owner_password: owner.password,
    app_role: app.name,
    app_password: app.password,
  });
  await runAll(serverUrl, onServer);
  await runAll(urlFor(serverUrl, database), inDatabase);
  return {
    database,
    ownerRole: owner.name,
    ownerUrl: urlFor(serverUrl, database, owner),
    appRole: app.name,
    appUrl: urlFor(serverUrl, database, app),
  };
}

/** Drops what createRoleSplit made (the database with its connections, then the roles). */
export async function dropRoleSplit(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    for (const role of [`${database}_app`, `${database}_owner`]) {
      await client.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`);
    }
  } finally {
    await client.end();
  }
}
