import { routes } from '@mailgate/contracts/routes';
import type { MarkAllNoticesReadResponse } from '@mailgate/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { noticesKeys } from './query-keys';

export function useMarkNoticeRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send<void>(endpoint(routes.notices.markRead, { params: { id } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
  });
}

export function useMarkAllNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => send<MarkAllNoticesReadResponse>(endpoint(routes.notices.markAllRead)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
  });
}
