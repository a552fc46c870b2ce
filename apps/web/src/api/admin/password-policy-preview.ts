import type { PasswordPolicyView } from '@mailgate/contracts';
import { useQuery } from '@tanstack/react-query';
import { http } from '../http';
import { adminKeys } from './query-keys';

// Requested from the admin API (see /work/brief/requests-admin.md, item 4). When the shared
// evaluator (`evaluatePassword` in @mailgate/password-policy) exists, the preview can run in the
// browser instead and this round trip goes away.
export const PASSWORD_POLICY_PREVIEW_PATH = '/api/admin/password-policy/preview';

export type PolicySettings = Pick<
  PasswordPolicyView,
  'minLength' | 'maxLength' | 'minScore' | 'blocklistEnabled' | 'contextWords'
>;

export interface PasswordPolicyPreview {
  ok: boolean;
  score: number;
  problems: { code: string }[];
}

/** Scores a sample password against the settings being edited; debounced by the caller. */
export function usePasswordPolicyPreview(password: string, settings: PolicySettings) {
  return useQuery({
    queryKey: [...adminKeys.passwordPolicy(), 'preview', password, settings] as const,
    enabled: password.length > 0,
    queryFn: ({ signal }) =>
      http.post<PasswordPolicyPreview>(PASSWORD_POLICY_PREVIEW_PATH, { password, settings }, { signal }),
    // A sample password is nothing to keep around.
    gcTime: 0,
    placeholderData: (previous) => previous,
  });
}
