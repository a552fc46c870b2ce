export declare const DEFAULT_DATA_DIR: string;

export interface StartEmbeddedPostgresOptions {
  /** Cluster directory, reused when already initialised. Default: `.data/postgres`. */
  dataDir?: string;
  /** Default: the port used last time if still free, otherwise any free port (never 5432). */
  port?: number;
  /** Database created if missing. Default: `mailgate`. */
  database?: string;
  /** Test cluster: no fsync, and `stop()` deletes `dataDir`. Default: false. */
  ephemeral?: boolean;
}

export interface EmbeddedPostgres {
  /** URL of `database`. */
  databaseUrl: string;
  /** URL of the `postgres` maintenance database, for creating and dropping databases. */
  serverUrl: string;
  port: number;
  dataDir: string;
  /** Stops the server (idempotent); deletes the data directory of an ephemeral cluster. */
  stop(): Promise<void>;
}

export declare function startEmbeddedPostgres(options?: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres>;

/**
 * Deletes a throwaway cluster directory whose run crashed (shutting down its orphaned server, if
 * any). Leaves alone clusters still in use. Returns true if it deleted the directory.
 */
export declare function removeAbandonedCluster(dataDir: string, options?: { minAgeMs?: number }): Promise<boolean>;
