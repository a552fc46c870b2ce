// Types of the values test/db/global-setup.ts provides to tests through `inject()`.
declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's database, migrated. */
    databaseUrl: string;
    /** Its server, for tests that need a database of their own (createTestDatabase). */
    databaseServerUrl: string;
  }
}

export {};
