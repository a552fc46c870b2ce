/** Generates the Prisma client when it is missing or older than the schema (or always, with force). */
export declare function ensurePrismaClient(options?: { force?: boolean }): Promise<void>;
/** Generates the password blocklist module when it is missing or older than its inputs (or always, with force). */
export declare function ensurePasswordBlocklist(options?: { force?: boolean }): Promise<void>;
/** Generates everything git-ignored that the code needs (Prisma client, password blocklist). */
export declare function ensureGeneratedCode(options?: { force?: boolean }): Promise<void>;
/** Compiles the packages and the API (incremental). */
export declare function buildApi(): Promise<void>;
/** Builds the SPA when its output is missing or older than any of its sources. */
export declare function buildWeb(options?: { force?: boolean }): Promise<void>;
