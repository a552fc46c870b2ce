import { Injectable } from '@nestjs/common';
import type { ActorKind, LoginActivity, SecurityEvent } from '@mailgate/contracts';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { LoginAttemptsService } from '../login-attempts/login-attempts.service.js';

/**
 * What the user sees of their own account's history: recent mail logins (recorded by mail-auth,
 * read through LoginAttemptsService) and security events (from the audit log). Both are read by
 * the session's user id only.
 */
@Injectable()
export class ActivityService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly loginAttempts: LoginAttemptsService,
  ) {}

  async recentLogins(userId: string, limit: number): Promise<LoginActivity[]> {
    const attempts = await this.loginAttempts.recent(userId, limit);
    // The portal's view: no login as typed (it may be a typo of another address), no internal ids.
    return attempts.map((attempt) => ({
      id: attempt.id,
      time: attempt.time,
      count: attempt.count,
      firstTime: attempt.firstTime,
      protocol: attempt.protocol,
      clientIp: attempt.clientIp,
      secured: attempt.secured,
      result: attempt.result,
      reasonCode: attempt.reasonCode,
      credential: attempt.credential,
      appPasswordName: attempt.appPasswordName,
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
  // Brute-force locks (auth_lock.set): which logins were paused, and until when.
  'family',
  'lockedUntil',
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
