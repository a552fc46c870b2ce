import { Injectable } from '@nestjs/common';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicySettings } from '@mailgate/password-policy';
import { PrismaService } from '../database/prisma.service.js';

// Interim implementation written by the admin branch (OWNERSHIP.md: portal owns this file and its
// version replaces this one at merge). Same signature: the newest version, cached briefly.

export type CurrentPasswordPolicy = PasswordPolicySettings & { readonly version: number };

const CACHE_TTL_MS = 30_000;

@Injectable()
export class PasswordPolicyService {
  private cached: { value: CurrentPasswordPolicy; expiresAt: number } | null = null;

  constructor(private readonly prisma: PrismaService) {}

  async current(now = Date.now()): Promise<CurrentPasswordPolicy> {
    if (this.cached && this.cached.expiresAt > now) return this.cached.value;
    const row = await this.prisma.passwordPolicy.findFirst({ orderBy: { version: 'desc' } });
    // Version 0 stands for the built-in defaults until an admin saves the first version.
    const value: CurrentPasswordPolicy = row
      ? {
          version: row.version,
          minLength: row.minLength,
          maxLength: row.maxLength,
          minScore: row.minScore,
          blocklistEnabled: row.blocklistEnabled,
          contextWords: Object.freeze([...row.contextWords]),
        }
      : { ...DEFAULT_PASSWORD_POLICY, version: 0 };
    this.cached = { value, expiresAt: now + CACHE_TTL_MS };
    return value;
  }

  invalidate(): void {
    this.cached = null;
  }
}
