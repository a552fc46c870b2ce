import type { RequestMeta } from '../infrastructure/common/http/request-meta.js';

export type ActorRole = 'USER' | 'SUPPORT' | 'ADMIN' | 'SYSTEM' | 'MAIL_SERVER';

/** Who did something: a signed-in person, or the system itself (jobs, expiries, mail servers). */
export interface Actor {
  readonly userId: string | null;
  readonly role: ActorRole;
  /**
   * The web session that acted, when a signed-in person did it. A user's own change is announced as
   * a notice in their other sessions only (SecurityNoticesService); this one saw it happen.
   */
  readonly sessionId?: string | null;
}

/** Jobs, expiries and the operator's command line: nobody signed in. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, role: 'SYSTEM' });

/** The signed-in person behind a request, as the audit log records them, with the acting session. */
export function actorOf(session: {
  readonly userId: string;
  readonly role: ActorRole;
  readonly sessionId?: string | null;
}): Actor {
  return { userId: session.userId, role: session.role, sessionId: session.sessionId ?? null };
}

export interface AuditEventInput {
  readonly actor: Actor;
  readonly targetUserId?: string | null;
  /** Dotted, stable action names (`protocol_access.enabled`); the SPA translates them. */
  readonly action: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly reason?: string | null;
  readonly meta?: Pick<RequestMeta, 'ip' | 'requestId'> | null;
}
