import { routes } from '@mailgate/contracts/routes';
import type {
  ListProtocolAccessResponse,
  Protocol,
  ProtocolAccessItem,
  SetProtocolAccessRequest,
} from '@mailgate/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { noticesKeys } from '../notices/query-keys';
import { useWithStepUp } from '../step-up-context';
import { protocolAccessKeys } from './query-keys';

export interface SetProtocolAccessInput extends SetProtocolAccessRequest {
  protocol: Protocol;
}

export function useSetProtocolAccess() {
  const withStepUp = useWithStepUp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ protocol, ...body }: SetProtocolAccessInput) =>
      withStepUp(() =>
        send<ProtocolAccessItem>(
          endpoint(routes.protocolAccess.set, { params: { protocol: protocol.toLowerCase() } }),
          { body },
        ),
      ),
    onSuccess: (item) => {
      // Show the new state at once (server settings appear), then refetch for the derived fields.
      queryClient.setQueryData<ListProtocolAccessResponse>(protocolAccessKeys.list(), (current) =>
        current
          ? {
              ...current,
              protocols: current.protocols.map((entry) => (entry.protocol === item.protocol ? item : entry)),
            }
          : current,
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: protocolAccessKeys.all }),
        queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
      ]);
    },
  });
}
