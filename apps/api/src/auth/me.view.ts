import type { Me } from '@mailgate/contracts';
import type { Role } from '../generated/prisma/enums.js';
import { STAFF_ROLES } from './session.types.js';
import { hasStrongFactor, stepUpValidUntil } from './step-up-window.js';

export interface MeSource {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: string;
  readonly role: Role;
  readonly totpEnabledAt: Date | null;
  readonly passkeysEnabledAt: Date | null;
  readonly _count: { readonly passkeys: number };
}

/** What the staff gate needs to know about the session beyond the user row. */
export interface MeSessionFacts {
  readonly lastStepUpAt: Date | null;
  readonly passkeyVerifiedAt: Date | null;
  /** The admin setting: staff sessions must have been confirmed with a passkey. */
  readonly staffPasskeyRequired: boolean;
}

export function toMe(user: MeSource, facts: MeSessionFacts, now = new Date()): Me {
  const validUntil = stepUpValidUntil(facts.lastStepUpAt, user, now);
  const totpEnabled = user.totpEnabledAt !== null;
  const staff = STAFF_ROLES.includes(user.role);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    role: user.role,
    totpEnabled,
    passkeyCount: user._count.passkeys,
    stepUpValidUntil: validUntil?.toISOString() ?? null,
    staffTotpRequired: staff && !hasStrongFactor(user),
    staffPasskeyRequired: staff && facts.staffPasskeyRequired && !facts.passkeyVerifiedAt,
  };
}

export const ME_SELECT = {
  id: true,
  email: true,
  displayName: true,
  locale: true,
  role: true,
  totpEnabledAt: true,
  passkeysEnabledAt: true,
  _count: { select: { passkeys: true } },
} as const;
