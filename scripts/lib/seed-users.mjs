// Bulk users for `npm run seed:large` and the admin-search benchmark: written with COPY (not row
// by row), all sharing one precomputed argon2id hash, with deterministic names and addresses so a
// benchmark can pick existing users without asking the database.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pgCopyStreams from 'pg-copy-streams';

const FIRST = `anna ben carla david emma felix greta hans ida jonas karla lukas mia noah olga paul
  quirin rosa sam tara uwe vera wim xenia yusuf zoe aaron bianca chris dana elias frieda georg hanna ilse
  jan kim lea max nina oskar petra ralf sara tom ulla viktor wanda alex berta clara dirk eva finn gina
  henry iris jakob kai lina moritz nora otto pia rene sofia theo ute valentin willi yara zeynep ahmet
  beate cem doris emil fatma gustav heike ingo julia klaus lotte marco nadine ole paula rainer svenja
  till ursula vincent wiebke amelie bruno charlotte dieter elena florian gerda helmut isabel jens`.split(/\s+/);
const LAST = `mueller schmidt schneider fischer weber meyer wagner becker schulz hoffmann schaefer koch
  bauer richter klein wolf schroeder neumann schwarz zimmermann braun krueger hofmann hartmann lange
  schmitt werner krause meier lehmann schmid schulze maier koehler herrmann koenig walter mayer huber
  kaiser fuchs peters lang scholz moeller weiss jung hahn schubert vogel friedrich keller guenther frank
  berger winkler roth beck lorenz baumann franke albrecht schuster simon ludwig boehm winter kraus martin
  schumacher kraemer vogt stein jaeger otto sommer gross seidel heinrich brandt haas schreiber graf
  dietrich ziegler kuhn kuehn pohl engel horn busch bergmann thomas voigt sauer arnold wolff pfeiffer`.split(/\s+/);
const DOMAINS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];

/** Seeded accounts live under this domain suffix, so they are easy to tell apart (and to count). */
export const SEED_DOMAIN_SUFFIX = '.seed.example';

const capitalise = (word) => word[0].toUpperCase() + word.slice(1);

/** The i-th seeded user: a pure function of i, so benchmarks can recompute any address. */
export function seededUser(index) {
  // Multiplying by primes spreads neighbouring indexes over different names.
  const first = FIRST[(index * 7919) % FIRST.length];
  const last = LAST[(index * 104729 + Math.floor(index / FIRST.length)) % LAST.length];
  const domain = DOMAINS[index % DOMAINS.length];
  const separator = index % 3 === 0 ? '.' : index % 3 === 1 ? '_' : '';
  return {
    email: `${first}${separator}${last}${index}@${domain}${SEED_DOMAIN_SUFFIX}`,
    displayName: `${capitalise(first)} ${capitalise(last)}`,
  };
}

export { FIRST as SEED_FIRST_NAMES, LAST as SEED_LAST_NAMES };

/** How many seeded users the database holds (they are numbered from 0, so this is the next index). */
export async function countSeededUsers(client) {
  const { rows } = await client.query(`SELECT count(*)::bigint AS n FROM "users" WHERE "email" LIKE $1`, [
    `%${SEED_DOMAIN_SUFFIX}`,
  ]);
  return Number(rows[0].n);
}

// The search indexes are dropped for the load and rebuilt once at the end (one sorted build is far
// faster than a million GIN insertions). Everything runs in one transaction, so an interrupted
// seed leaves the table — indexes included — exactly as it was.
const REBUILT_INDEXES = ['users_email_trgm_idx', 'users_displayName_trgm_idx', 'users_email_pattern_idx'];

/**
 * Appends `count` users starting at index `start` with COPY. `onProgress(done)` is called every
 * batch. Returns the number written.
 */
export async function copySeedUsers(client, { start, count, passwordHash, onProgress = () => {}, onPhase = () => {} }) {
  const batch = 10_000;
  const createdBase = Date.UTC(2019, 0, 1);
  const spreadMs = 6 * 365 * 24 * 60 * 60_000;
  let produced = 0;
  const rows = Readable.from(
    (function* generate() {
      while (produced < count) {
        const size = Math.min(batch, count - produced);
        let chunk = '';
        for (let offset = 0; offset < size; offset += 1) {
          const index = start + produced + offset;
          const { email, displayName } = seededUser(index);
          const created = new Date(createdBase + ((index * 2654435761) % spreadMs)).toISOString();
          // COPY text format: tab-separated; these values never contain tabs, newlines or backslashes.
          chunk += `${randomUUID()}\t${email}\t${displayName}\t${index % 5 === 0 ? 'de' : 'en'}\t${passwordHash}\t${created}\t${created}\t${created}\n`;
        }
        produced += size;
        onProgress(produced);
        yield chunk;
      }
    })(),
    { objectMode: false },
  );

  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    const { rows: definitions } = await client.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'users' AND indexname = ANY($1)`,
      [REBUILT_INDEXES],
    );
    for (const { indexname } of definitions) await client.query(`DROP INDEX "${indexname}"`);
    await pipeline(
      rows,
      client.query(
        pgCopyStreams.from(
          `COPY "users" ("id", "email", "displayName", "locale", "passwordHash", "passwordChangedAt", "createdAt", "updatedAt") FROM STDIN`,
        ),
      ),
    );
    onPhase(`rebuilding ${definitions.length} search indexes`);
    for (const { indexdef } of definitions) await client.query(indexdef);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  onPhase('updating planner statistics (ANALYZE)');
  await client.query('ANALYZE "users"');
  return count;
}
