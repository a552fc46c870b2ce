import { createContext, useContext } from 'react';
import type { StaffMe } from '../../api/admin/staff-me';

export const StaffContext = createContext<StaffMe | null>(null);

/** The signed-in staff member; only available inside the admin layout, after the gate. */
export function useStaff(): StaffMe {
  const staff = useContext(StaffContext);
  if (!staff) throw new Error('useStaff() must be used inside the admin layout');
  return staff;
}

/** The SPA hides what a role cannot do; the server refuses it anyway. */
export function useIsAdmin(): boolean {
  return useStaff().role === 'ADMIN';
}
