import type { Me } from '@mailgate/contracts';
import type { Role } from '../generated/prisma/enums.js';
import { STAFF_ROLES } from './session.types.js';
import { stepUpValidUntil } from './step-up-window.js';

export interface MeSource {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  readonly locale: string;
  readonly role: Role;
  readonly totpEnabledAt: Date | null;
}

export function toMe(user: MeSource, lastStepUpAt: Date | null, now = new Date()): Me {
  const validUntil = stepUpValidUntil(lastStepUpAt, user.totpEnabledAt, now);
  const totpEnabled = user.totpEnabledAt !== null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    role: user.role,
    totpEnabled,
    stepUpValidUntil: validUntil?.toISOString() ?? null,
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
