export * from './schema-engine.mjs';
export * from './migration-snapshot.mjs';

export declare const APPEND_ONLY_TABLES: readonly string[];
export declare const READ_ONLY_TABLES: readonly string[];
/** The role name in a connection URL, or undefined when the URL names none. */
export declare function roleOf(databaseUrl: string): string | undefined;
/** The app role to grant to, or undefined when the app connects as the migrating role. */
export declare function appRoleFor(migrationUrl: string, appUrl: string | undefined): string | undefined;
export declare function appRoleGrantStatements(appRole: string, schema?: string): string[];
/** Grants `appRole` the app's privileges, connected as the owner, in one transaction. */
export declare function grantAppRole(ownerUrl: string, appRole: string): Promise<void>;

export interface MigrateDatabaseOptions {
  /** The owner role's URL: applies the migrations and grants. */
  migrationUrl: string;
  /** The app's URL; its role is granted the app's privileges when it differs from the owner. */
  appUrl?: string;
  log?: (line: string) => void;
}

/** Applies pending migrations as the owner, then grants the app role. Returns the names applied. */
export declare function migrateDatabase(options: MigrateDatabaseOptions): Promise<string[]>;
