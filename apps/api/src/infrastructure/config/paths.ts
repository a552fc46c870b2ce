import { fileURLToPath } from 'node:url';

// This file sits at apps/api/{src,dist}/infrastructure/config/, the same depth in source and build output.
export const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../../prisma/migrations/', import.meta.url));
export const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));
