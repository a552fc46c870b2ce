import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/**
 * The one Prisma client of the process. Prisma 7's Rust-free client talks to PostgreSQL through
 * the `pg` driver adapter, so no native query engine is needed on any machine.
 *
 * Every connection has deadlines: a hung server (frozen, partitioned) must fail requests within
 * seconds rather than hold them, and the caller's pool slots, forever. `query_timeout` is the
 * client's own clock (it fires even when the server sends nothing); `statement_timeout` makes
 * the server cancel the same statement, so work the client gave up on does not run on.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  /** The driver's pool, ours so its size and queue can be reported (metrics); ended on disconnect. */
  readonly pool: pg.Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const pool = new pg.Pool(poolOptions(config));
    super({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    this.pool = pool;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

export function poolOptions(config: AppConfig) {
  return {
    connectionString: config.DATABASE_URL,
    max: 20,
    connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
    query_timeout: config.DATABASE_QUERY_TIMEOUT_MS,
    statement_timeout: config.DATABASE_QUERY_TIMEOUT_MS,
    // Notices a peer that vanished without closing (a partition) on idle pooled connections.
    keepAlive: true,
    application_name: 'mailgate-api',
  };
}
