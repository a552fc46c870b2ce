import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  AdminErrors,
  encodeCursor,
  normaliseEmail,
  type SearchUsersQuery,
  type UserSearchCursor,
  type UserSearchMatch,
  USER_SEARCH_SUBSTRING_MIN,
} from '@mailgate/contracts';
import { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import type { StaffTarget } from './staff-target.service.js';

export type ResolvedMatch = Exclude<UserSearchMatch, 'auto'>;

export interface UserSearchPage {
  readonly match: ResolvedMatch;
  readonly items: StaffTarget[];
  readonly nextCursor: string | null;
}

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Staff user search, built to stay fast at a million users (see docs/benchmarks.md):
 * - exact e-mail: the unique index;
 * - e-mail prefix: `LIKE 'abc%'` on the text_pattern_ops index, which also yields rows in byte
 *   order, so `ORDER BY email USING ~<~ LIMIT n` stops after one page;
 * - substring of e-mail or name (3+ characters): pg_trgm GIN indexes (`LIKE`/`ILIKE '%abc%'`),
 *   then the top page of the matches (cost grows with the number of matches, see SUBSTRING_ORDER).
 * Every mode pages by keyset on the e-mail in that same byte order, so page n costs what page 1
 * does (no OFFSET).
 */
@Injectable()
export class AdminUserSearchService {
  constructor(private readonly prisma: PrismaService) {}

  async search(query: SearchUsersQuery): Promise<UserSearchPage> {
    const plan = planUserSearch(query);
    const rows = await this.prisma.$queryRaw<StaffTarget[]>(plan.sql);
    const hasMore = rows.length > query.limit;
    const items = hasMore ? rows.slice(0, query.limit) : rows;
    const last = items.at(-1);
    return {
      match: plan.match,
      items,
      nextCursor:
        hasMore && last ? encodeCursor({ f: plan.fingerprint, e: last.email } satisfies UserSearchCursor) : null,
    };
  }
}

export interface UserSearchPlan {
  readonly match: ResolvedMatch;
  readonly sql: Prisma.Sql;
  readonly fingerprint: string;
}

/** Builds the query (exported for the benchmark, which EXPLAINs exactly what the API runs). */
export function planUserSearch(query: SearchUsersQuery): UserSearchPlan {
  const term = normaliseEmail(query.q);
  const match = resolveMatch(term, query.match);
  if (match === 'substring' && [...term].length < USER_SEARCH_SUBSTRING_MIN) {
    throw new AppError(AdminErrors.SEARCH_TERM_TOO_SHORT);
  }
  const fingerprint = fingerprintOf(match, term, query.role);
  const after = query.cursor === undefined ? null : lastEmailOf(query.cursor, fingerprint);

  const conditions: Prisma.Sql[] = [matchCondition(match, term)];
  if (query.role) conditions.push(Prisma.sql`"role" = ${query.role}::"Role"`);
  if (after !== null) conditions.push(Prisma.sql`"email" ~>~ ${after}`);
  const sql = Prisma.sql`
    SELECT "id", "email", "displayName", "role", "disabledAt", "totpEnabledAt", "createdAt"
    FROM "users"
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ${match === 'substring' ? SUBSTRING_ORDER : INDEX_ORDER} USING ~<~
    LIMIT ${query.limit + 1}`;
  return { match, sql, fingerprint };
}

// Exact and prefix searches read the pattern index in order and stop after one page.
const INDEX_ORDER = Prisma.raw('"email"');
// Substring searches must not: walking the e-mail index in order while filtering looks cheap to the
// planner, but a term that correlates with the order (a first name at the start of addresses, say
// "zoe") would read most of the table before the first match. Sorting by an expression no index
// provides (same byte order) makes PostgreSQL fetch the trigram matches and keep the top page,
// so the cost follows the number of matches, whatever the term.
const SUBSTRING_ORDER = Prisma.raw(`("email" || '')`);

export function resolveMatch(term: string, requested: UserSearchMatch): ResolvedMatch {
  if (requested !== 'auto') return requested;
  if (LOOKS_LIKE_EMAIL.test(term)) return 'exact';
  return [...term].length >= USER_SEARCH_SUBSTRING_MIN ? 'substring' : 'prefix';
}

function matchCondition(match: ResolvedMatch, term: string): Prisma.Sql {
  switch (match) {
    case 'exact':
      return Prisma.sql`"email" = ${term}`;
    case 'prefix':
      return Prisma.sql`"email" LIKE ${`${escapeLike(term)}%`}`;
    case 'substring': {
      const pattern = `%${escapeLike(term)}%`;
      return Prisma.sql`("email" LIKE ${pattern} OR "displayName" ILIKE ${pattern})`;
    }
  }
}

/** `%`, `_` and the escape character itself match literally (PostgreSQL's default escape is `\`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

// A cursor names the last e-mail of the page it ends, plus a fingerprint of the query that made
// it, so a cursor from one search cannot silently page through another.
function fingerprintOf(match: ResolvedMatch, term: string, role: Role | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify([match, term, role ?? null]))
    .digest('base64url')
    .slice(0, 12);
}

// The contract has already decoded the cursor and checked its fields (no NUL, bounded length).
function lastEmailOf(cursor: UserSearchCursor, fingerprint: string): string {
  if (cursor.f !== fingerprint) throw new AppError(AdminErrors.INVALID_CURSOR);
  return cursor.e;
}
