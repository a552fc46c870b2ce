// Prisma 7 reads its settings from here (the datasource URL no longer lives in schema.prisma).
// Only commands that talk to a database need DATABASE_URL; `prisma generate` and
// `npm run db:generate` work without it. Prisma no longer loads `.env` itself when this file
// exists: export DATABASE_URL in the environment.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL },
});
