import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { GlobalSettings } from '../generated/prisma/client.js';

export type { GlobalSettings };

/** How long a read is reused. Short, so a change made on another instance is seen quickly. */
const CACHE_TTL_MS = 5_000;

/**
 * The single global settings row (id 1). Read on hot paths (every mail login decision, the
 * protocol page), so it is cached briefly; `invalidate()` drops the cache after a change on this
 * instance. A missing row is created with the schema's defaults, so a fresh database needs no seed.
 * (Read side only; the admin branch owns editing.)
 */
@Injectable()
export class GlobalSettingsService {
  private cached: { value: GlobalSettings; until: number } | null = null;
  private loading: Promise<GlobalSettings> | null = null;

  constructor(private readonly prisma: PrismaService) {}

  async get(now = Date.now()): Promise<GlobalSettings> {
    if (this.cached && this.cached.until > now) return this.cached.value;
    // One load at a time: a burst of mail logins right after expiry shares a single query.
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<GlobalSettings> {
    let value = await this.prisma.globalSettings.findUnique({ where: { id: 1 } });
    if (!value) {
      // ON CONFLICT DO NOTHING: concurrent first reads cannot fail, and an admin's values are never overwritten.
      await this.prisma.globalSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true });
      value = await this.prisma.globalSettings.findUniqueOrThrow({ where: { id: 1 } });
    }
    this.cached = { value, until: Date.now() + CACHE_TTL_MS };
    return value;
  }
}
