import type { AdminUserSummary } from '@mailgate/contracts';
import type { StaffTarget } from './staff-target.service.js';

export function iso(value: Date | string): string;
export function iso(value: Date | string | null): string | null;
export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
}

export function toUserSummary(user: StaffTarget): AdminUserSummary {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabledAt !== null,
    totpEnabled: user.totpEnabledAt !== null,
    createdAt: iso(user.createdAt),
  };
}
