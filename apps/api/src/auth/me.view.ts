import type { Me } from '@mailgate/contracts';
import type { Role } from '../generated/prisma/enums.js';
import { SESSION_POLICY } from './session.types.js';

const STAFF_ROLES: readonly Role[] = ['SUPPORT', 'ADMIN'];

export interface MeSource {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: string;
  readonly role: Role;
  readonly totpEnabledAt: Date | null;
}

export function toMe(user: MeSource, lastStepUpAt: Date | null, now = new Date()): Me {
  const validUntil = lastStepUpAt ? new Date(lastStepUpAt.getTime() + SESSION_POLICY.stepUpValidityMs) : null;
  const totpEnabled = user.totpEnabledAt !== null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    role: user.role,
    totpEnabled,
    stepUpValidUntil: validUntil && validUntil > now ? validUntil.toISOString() : null,
    staffTotpRequired: STAFF_ROLES.includes(user.role) && !totpEnabled,
  };
}

export const ME_SELECT = {
  id: true,
  email: true,
  displayName: true,
  locale: true,
  role: true,
  totpEnabledAt: true,
} as const;
