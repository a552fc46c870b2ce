export declare const ROOT_DIR: string;
export declare const SCHEMA_PATH: string;
export declare const MIGRATIONS_DIR: string;
export declare const MIGRATION_LOCK_FILE: string;
export declare const MIGRATION_LOCK_CONTENT: string;

export interface ApplyMigrationsOptions {
  /** Receives one line per migration applied, and the engine's warnings and errors. */
  log?: (line: string) => void;
  /** Defaults to prisma/migrations. */
  migrationsDir?: string;
}

/** Names of the migration folders under `migrationsDir`, oldest first. */
export declare function listMigrations(migrationsDir?: string): string[];

/**
 * Applies the pending migrations to `databaseUrl` and records them in `_prisma_migrations`
 * (same bookkeeping as `prisma migrate deploy`). Returns the names applied by this call.
 */
export declare function applyMigrations(databaseUrl: string, options?: ApplyMigrationsOptions): Promise<string[]>;

/**
 * SQL that turns the database described by `fromSchemaText` (null: an empty database) into the
 * one described by `toSchemaText`. Needs no database. Returns '' when there is nothing to do.
 */
export declare function diffSchemas(fromSchemaText: string | null, toSchemaText: string): Promise<string>;
