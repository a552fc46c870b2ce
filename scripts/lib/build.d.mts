/** Generates the Prisma client when it is missing or older than the schema. */
export declare function ensurePrismaClient(): Promise<void>;
/** Compiles the packages and the API (incremental). */
export declare function buildApi(): Promise<void>;
/** Builds the SPA when its output is missing or older than any of its sources. */
export declare function buildWeb(options?: { force?: boolean }): Promise<void>;
