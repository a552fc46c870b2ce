import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { GlobalSettings } from '../generated/prisma/client.js';

export type { GlobalSettings };

const CACHE_MS = 5_000;

/**
 * The single row of administrator settings (id 1), created with its defaults on first read.
 * Read on every mail login, so it is cached briefly; `invalidate()` is called after an edit.
 * (The admin branch owns editing; this is the read side mail-auth needs.)
 */
@Injectable()
export class GlobalSettingsService {
  private cached: { value: GlobalSettings; until: number } | null = null;
  private loading: Promise<GlobalSettings> | null = null;

  constructor(private readonly prisma: PrismaService) {}

  async get(): Promise<GlobalSettings> {
    const now = Date.now();
    if (this.cached && this.cached.until > now) return this.cached.value;
    // One load at a time: a burst of logins after expiry shares a single query.
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<GlobalSettings> {
    let value = await this.prisma.globalSettings.findUnique({ where: { id: 1 } });
    if (!value) {
      // Concurrent first reads (several instances) may race: skipDuplicates keeps it one row.
      await this.prisma.globalSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true });
      value = await this.prisma.globalSettings.findUniqueOrThrow({ where: { id: 1 } });
    }
    this.cached = { value, until: Date.now() + CACHE_MS };
    return value;
  }
}
