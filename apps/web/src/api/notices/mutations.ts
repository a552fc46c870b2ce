import type { MarkAllNoticesReadResponse } from '@mailgate/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoints } from '../endpoints';
import { http } from '../http';
import { noticesKeys } from './query-keys';

export function useMarkNoticeRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.post<void>(endpoints.noticeRead(id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
  });
}

export function useMarkAllNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<MarkAllNoticesReadResponse>(endpoints.noticesReadAll),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
  });
}
