import type { RequestMeta } from '../common/http/request-meta.js';

export type ActorRole = 'USER' | 'SUPPORT' | 'ADMIN' | 'SYSTEM' | 'MAIL_SERVER';

/** Who did something: a signed-in person, or the system itself (jobs, expiries, mail servers). */
export interface Actor {
  readonly userId: string | null;
  readonly role: ActorRole;
}

/** Jobs, expiries and the operator's command line: nobody signed in. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ userId: null, role: 'SYSTEM' });

/** The signed-in person behind a request, as the audit log records them. */
export function actorOf(session: { readonly userId: string; readonly role: ActorRole }): Actor {
  return { userId: session.userId, role: session.role };
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
