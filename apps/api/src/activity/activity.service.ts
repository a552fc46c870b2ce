import { Injectable } from '@nestjs/common';
import type { ActorKind, LoginActivity, SecurityEvent } from '@mailgate/contracts';
import { PrismaService } from '../database/prisma.service.js';

/**
 * What the user sees of their own account's history: recent mail logins (written by mail-auth)
 * and security events (from the audit log). Both are read by the session's user id only.
 */
@Injectable()
export class ActivityService {
  constructor(private readonly prisma: PrismaService) {}

  async recentLogins(userId: string, limit: number): Promise<LoginActivity[]> {
    const attempts = await this.prisma.loginAttempt.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    const appPasswordIds = [...new Set(attempts.flatMap((attempt) => attempt.appPasswordId ?? []))];
    // Scoped by user too: an attempt can only ever name the user's own app passwords.
    const names = appPasswordIds.length
      ? await this.prisma.appPassword.findMany({
          where: { userId, id: { in: appPasswordIds } },
          select: { id: true, name: true },
        })
      : [];
    const nameById = new Map(names.map((row) => [row.id, row.name]));
    return attempts.map((attempt) => ({
      id: attempt.id.toString(),
      time: attempt.createdAt.toISOString(),
      protocol: attempt.protocol,
      clientIp: attempt.clientIp,
      secured: attempt.secured,
      result: attempt.result,
      reasonCode: attempt.reasonCode,
      credential: attempt.credential,
      appPasswordName: attempt.appPasswordId ? (nameById.get(attempt.appPasswordId) ?? null) : null,
    }));
  }

  async securityEvents(userId: string, limit: number): Promise<SecurityEvent[]> {
    const events = await this.prisma.auditEvent.findMany({
      where: { targetUserId: userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    return events.map((event) => ({
      id: event.id.toString(),
      action: event.action,
      time: event.createdAt.toISOString(),
      actorKind: actorKindOf(event.actorId, event.actorRole, userId),
      reason: event.reason,
      details: safeDetails(event.before, event.after),
    }));
  }
}

export function actorKindOf(actorId: string | null, actorRole: string, userId: string): ActorKind {
  if (actorId !== null && actorId === userId) return 'you';
  if (actorRole === 'SUPPORT' || actorRole === 'ADMIN') return 'support';
  return 'system';
}

type Detail = string | number | boolean | null;

/**
 * Only these keys of an audit event's before/after reach the user. A whitelist, not a blacklist:
 * whatever another feature puts into its audit payload (hashes, internal ids) stays out.
 */
const SAFE_KEYS = [
  'protocol',
  'name',
  'scopes',
  'enabledUntil',
  'pop3KeepCopy',
  'expiresAt',
  'revoked',
  'role',
] as const;

export function safeDetails(before: unknown, after: unknown): Record<string, Detail> {
  const details: Record<string, Detail> = {};
  for (const source of [before, after]) {
    if (!source || typeof source !== 'object' || Array.isArray(source)) continue;
    for (const key of SAFE_KEYS) {
      const value = (source as Record<string, unknown>)[key];
      const detail = toDetail(value);
      if (detail !== undefined) details[key] = detail;
    }
  }
  return details;
}

function toDetail(value: unknown): Detail | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return value.slice(0, 200);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ').slice(0, 200);
  return undefined;
}
