// postinstall: regenerates everything git-ignored that the code needs (the Prisma client and the
// password blocklist), since the packages they are generated from may just have changed.
// `npm run db:generate` still generates the Prisma client alone.
import { ensureGeneratedCode } from '../lib/build.mjs';

try {
  await ensureGeneratedCode({ force: true });
} catch (error) {
  console.error(`[mailgate] ${error.message}`);
  process.exit(1);
}
