import { routes } from '@mailgate/contracts/routes';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { activityKeys } from '../activity/query-keys';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { noticesKeys } from '../notices/query-keys';
import { resetLinksKeys } from './query-keys';

/** Cancels one pending link; no step-up (closing a door is always allowed). */
export function useCancelResetLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send<void>(endpoint(routes.pendingResetLink.cancelLink, { params: { id } })),
    // Also after a refusal (e.g. already redeemed): show what is true now. The cancel adds a notice
    // and an activity entry.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: resetLinksKeys.all }),
        queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
        queryClient.invalidateQueries({ queryKey: activityKeys.all }),
      ]),
  });
}
