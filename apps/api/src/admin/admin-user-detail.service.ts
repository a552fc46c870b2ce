import { Injectable } from '@nestjs/common';
import { AdminErrors, type AdminUserDetail } from '@mailgate/contracts';
import { maskAddress } from '../mail/mail-render.js';
import { AppPasswordsService } from '../app-passwords/app-passwords.service.js';
import { AuthLocksService } from '../auth-locks/auth-locks.service.js';
import type { AuthenticatedSession } from '../auth/session.types.js';
import { SESSION_POLICY } from '../auth/session.types.js';
import { TotpService } from '../auth/totp.service.js';
import { AppError } from '../infrastructure/common/http/app-error.js';
import { PrismaService } from '../infrastructure/database/prisma.service.js';
import { LoginAttemptsService } from '../login-attempts/login-attempts.service.js';
import { ProtocolAccessService } from '../protocol-access/protocol-access.service.js';
import { iso } from './admin-views.js';
import { mayActOn } from './staff-target.service.js';

const RECENT_ATTEMPTS = 50;
const RECENT_EVENTS = 50;

/**
 * Everything support needs on one screen, gathered from the services that own each part. Only
 * metadata: no password hash, app-password secret, TOTP seed or recovery code ever leaves here.
 */
@Injectable()
export class AdminUserDetailService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly protocolAccess: ProtocolAccessService,
    private readonly appPasswords: AppPasswordsService,
    private readonly authLocks: AuthLocksService,
    private readonly loginAttempts: LoginAttemptsService,
    private readonly totp: TotpService,
  ) {}

  async get(session: AuthenticatedSession, userId: string, now = new Date()): Promise<AdminUserDetail> {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        email: true,
        displayName: true,
        role: true,
        locale: true,
        disabledAt: true,
        disabledReason: true,
        totpEnabledAt: true,
        passwordChangedAt: true,
        createdAt: true,
        recoveryAddress: { select: { email: true } },
      },
    });
    if (!user) throw new AppError(AdminErrors.USER_NOT_FOUND);
    // SUPPORT may look at staff accounts (to tell a caller whom to ask) but not act on them.
    const [access, appPasswords, sessions, twoFactor, passkeys, locks, attempts, events] = await Promise.all([
      this.protocolAccess.list(userId, now),
      this.appPasswords.list(userId),
      this.prisma.session.findMany({
        where: {
          userId,
          revokedAt: null,
          expiresAt: { gt: now },
          lastSeenAt: { gt: new Date(now.getTime() - SESSION_POLICY.idleTimeoutMs) },
        },
        select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true },
        orderBy: { lastSeenAt: 'desc' },
        take: 50,
      }),
      this.totp.status(userId),
      this.prisma.passkey.findMany({
        where: { userId },
        select: { id: true, name: true, createdAt: true, lastUsedAt: true },
        orderBy: { createdAt: 'asc' },
      }),
      this.authLocks.listActive(userId, now),
      this.loginAttempts.recent(userId, RECENT_ATTEMPTS),
      this.prisma.auditEvent.findMany({
        where: { targetUserId: userId },
        orderBy: { id: 'desc' },
        take: RECENT_EVENTS,
        include: { actor: { select: { email: true } } },
      }),
    ]);
    return {
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        locale: user.locale,
        disabled: user.disabledAt !== null,
        disabledAt: iso(user.disabledAt),
        disabledReason: user.disabledReason,
        totpEnabled: user.totpEnabledAt !== null,
        passwordChangedAt: iso(user.passwordChangedAt),
        createdAt: iso(user.createdAt),
        // Masked: staff need to tell the caller where the link goes, never the whole address.
        recoveryAddress: user.recoveryAddress?.email ? maskAddress(user.recoveryAddress.email) : null,
      },
      // The owners' views, as the user sees them in the portal (metadata only).
      protocolAccess: access,
      appPasswords,
      sessions: sessions.map((entry) => ({
        id: entry.id,
        createdAt: iso(entry.createdAt),
        lastSeenAt: iso(entry.lastSeenAt),
        expiresAt: iso(entry.expiresAt),
        ip: entry.ip,
        userAgent: entry.userAgent,
      })),
      twoFactor: { ...twoFactor, enabledAt: iso(twoFactor.enabledAt) },
      passkeys: passkeys.map((entry) => ({
        id: entry.id,
        name: entry.name,
        createdAt: iso(entry.createdAt),
        lastUsedAt: entry.lastUsedAt ? iso(entry.lastUsedAt) : null,
      })),
      // Mail-auth's views as they are (AuthLocksService, LoginAttemptsService), minus the login as typed.
      locks,
      loginAttempts: attempts.map(({ loginAsTyped: _typed, ...attempt }) => attempt),
      securityEvents: events.map((event) => ({
        id: event.id.toString(),
        createdAt: iso(event.createdAt),
        action: event.action,
        actorRole: event.actorRole,
        actorEmail: event.actor?.email ?? null,
        reason: event.reason,
        before: event.before,
        after: event.after,
      })),
      permissions: {
        canAct: mayActOn(session.role, user.role),
        canChangeRole: session.role === 'ADMIN',
      },
    };
  }
}
