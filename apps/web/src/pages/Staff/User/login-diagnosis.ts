import type {
  AuthLockView,
  AdminLoginAttempt,
  AdminUserDetail,
  MailAuthDenyReason,
  ProtocolAccessView,
} from '@mailgate/contracts';
import { MAIL_AUTH_REASONS } from '@mailgate/contracts/values';

/**
 * Turns the recorded refusals of mail logins into explanations support can read out on the phone.
 * Pure, so the rules are unit-tested without a browser; the panel only translates the result.
 */

/**
 * The panel explains every refusal in mail-auth's catalogue (MAIL_AUTH_REASONS, from the contracts'
 * zod-free values); a code it does not know (a newer server) still shows, with its code, as UNKNOWN.
 */
const EXPLAINED_REASONS: ReadonlySet<string> = new Set(MAIL_AUTH_REASONS.filter((reason) => reason !== 'OK'));

export type ExplainedReason = MailAuthDenyReason | 'UNKNOWN';

const LOCK_SCOPE_OF_REASON: Partial<Record<string, AuthLockView['scope']>> = {
  LOCKED_USER_IP: 'USER_IP',
  LOCKED_IP: 'IP',
  LOCKED_ACCOUNT: 'USER',
};

export interface LoginDiagnosis {
  attempt: AdminLoginAttempt;
  reason: ExplainedReason;
  /** The active lock that refused this login, when it is still in place (for "locked after N … until …"). */
  lock: AuthLockView | null;
  /**
   * The cause no longer applies: the protocol has been turned on since, or the lock has ended or
   * been lifted. Support then knows a retry should work.
   */
  resolvedSince: boolean;
}

export const DIAGNOSIS_LIMIT = 5;

/** The most recent refused logins (newest first), each with its explanation. */
export function diagnoseRefusedLogins(
  detail: Pick<AdminUserDetail, 'loginAttempts' | 'locks' | 'protocolAccess'>,
  now = new Date(),
  limit = DIAGNOSIS_LIMIT,
): LoginDiagnosis[] {
  return detail.loginAttempts
    .filter((attempt) => attempt.result !== 'ALLOW')
    .slice(0, limit)
    .map((attempt) => {
      const reason = explainedReason(attempt);
      const lock = findLock(attempt, detail.locks);
      return { attempt, reason, lock, resolvedSince: isResolved(attempt, reason, lock, detail.protocolAccess, now) };
    });
}

function explainedReason(attempt: AdminLoginAttempt): ExplainedReason {
  if (attempt.result === 'TEMPFAIL') return 'TEMPFAIL';
  return EXPLAINED_REASONS.has(attempt.reasonCode) ? (attempt.reasonCode as MailAuthDenyReason) : 'UNKNOWN';
}

/** The lock whose scope matches the reason and whose time covers the attempt. */
function findLock(attempt: AdminLoginAttempt, locks: readonly AuthLockView[]): AuthLockView | null {
  const scope = LOCK_SCOPE_OF_REASON[attempt.reasonCode];
  if (!scope) return null;
  const at = Date.parse(attempt.time);
  const candidates = locks.filter(
    (lock) =>
      lock.scope === scope &&
      Date.parse(lock.lockedFrom) <= at &&
      at <= Date.parse(lock.lockedUntil) &&
      (scope === 'USER' || sameClient(lock.clientIp, attempt.clientIp)),
  );
  return candidates[0] ?? null;
}

/** IPv6 locks hold the /64 prefix, so an address of that network counts as the same client. */
function sameClient(lockIp: string | null, attemptIp: string | null): boolean {
  if (lockIp === null || attemptIp === null) return false;
  if (lockIp === attemptIp) return true;
  const prefix = lockIp.replace(/\/64$/, '').replace(/::$/, ':');
  return lockIp.includes(':') && attemptIp.toLowerCase().startsWith(prefix.toLowerCase());
}

function isResolved(
  attempt: AdminLoginAttempt,
  reason: ExplainedReason,
  lock: AuthLockView | null,
  protocolAccess: readonly ProtocolAccessView[],
  now: Date,
): boolean {
  if (reason === 'PROTOCOL_DISABLED' || reason === 'PROTOCOL_EXPIRED') {
    return protocolAccess.some((access) => access.protocol === attempt.protocol && access.effectiveEnabled);
  }
  if (LOCK_SCOPE_OF_REASON[reason]) {
    // The detail lists active locks only: no matching lock (or one already over) means it ended or was lifted.
    return lock === null || Date.parse(lock.lockedUntil) <= now.getTime();
  }
  return false;
}

/** Refusals with the same cause (reason, protocol, client, lock) as one card, with how often. */
export interface DiagnosisGroup extends LoginDiagnosis {
  /** How many of the recent refusals this card stands for. */
  count: number;
  /** The oldest of them (the card's `attempt` is the newest). */
  firstTime: string;
}

/** How many recent refusals are read before grouping; the panel still shows DIAGNOSIS_LIMIT cards. */
export const DIAGNOSIS_SCAN = 50;

/**
 * Five refusals of the same mail program for the same reason are one problem, not five: grouped,
 * newest first, so support reads the distinct causes at a glance.
 */
export function groupDiagnoses(diagnoses: readonly LoginDiagnosis[], limit = DIAGNOSIS_LIMIT): DiagnosisGroup[] {
  const groups = new Map<string, DiagnosisGroup>();
  for (const diagnosis of diagnoses) {
    const { attempt, reason, lock, resolvedSince } = diagnosis;
    const key = [reason, attempt.protocol, attempt.clientIp, lock?.id ?? '', resolvedSince].join('|');
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      group.firstTime = attempt.time;
    } else groups.set(key, { ...diagnosis, count: 1, firstTime: attempt.time });
  }
  return [...groups.values()].slice(0, limit);
}
