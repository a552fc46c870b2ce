import { routes } from '@mailgate/contracts/routes';
import type {
  SignInRequest,
  SignInResponse,
  SignInTotpRequest,
  SignInTotpResponse,
  SignOutOthersResponse,
  StepUpRequest,
  StepUpResponse,
} from '@mailgate/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { markSessionEnded } from '../session-ended';
import { authKeys } from './query-keys';

/** A new session starts with an empty cache: nothing of a previous user may linger. */
function startSession(queryClient: QueryClient, me: SignInTotpResponse['session']) {
  queryClient.clear();
  queryClient.setQueryData(authKeys.me(), me);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInRequest) => send<SignInResponse>(endpoint(routes.auth.signIn), { body }),
    onSuccess: (response) => {
      if (response.status === 'signed-in') startSession(queryClient, response.session);
    },
  });
}

export function useSignInTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInTotpRequest) => send<SignInTotpResponse>(endpoint(routes.auth.signInTotp), { body }),
    onSuccess: (response) => startSession(queryClient, response.session),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => send<void>(endpoint(routes.auth.signOut)),
    // Even if the request failed (offline), this tab forgets the session.
    onSettled: () => markSessionEnded(queryClient, 'signed-out'),
  });
}

/** Used by the step-up dialog only; actions get their step-up through useWithStepUp(). */
export function useStepUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StepUpRequest) => send<StepUpResponse>(endpoint(routes.auth.stepUp), { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
}

export function useSignOutOthers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => send<SignOutOthersResponse>(endpoint(routes.auth.signOutOthers)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions() }),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send<void>(endpoint(routes.auth.revokeSession, { params: { id } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions() }),
  });
}
