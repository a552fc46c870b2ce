export declare const SNAPSHOT_FILE: string;

export interface SchemaSnapshot {
  /** The migration this snapshot describes the schema after. */
  afterMigration: string;
  schema: string;
}

export declare function readSnapshot(migrationsDir?: string): SchemaSnapshot | null;
export declare function writeSnapshot(schema: string, afterMigration: string, migrationsDir?: string): void;

/** SQL for schema changes no migration captures yet; '' when migrations match the schema. */
export declare function pendingSchemaChanges(options?: {
  schemaPath?: string;
  migrationsDir?: string;
}): Promise<string>;
