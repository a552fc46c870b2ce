// Types of the values test/db/global-setup.ts provides to tests through `inject()`.
declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's database, migrated; the app role's URL (the API's DATABASE_URL). */
    databaseUrl: string;
    /** The same database as its owner role (migrations, triggers); equal to databaseUrl in e2e. */
    databaseOwnerUrl: string;
    /** Its server, for tests that need a database of their own (createTestDatabase). */
    databaseServerUrl: string;
  }
}

export {};
