import { routes } from '@mailgate/contracts/routes';
import type {
  PasskeyOptions,
  PasskeySignInResponse,
  PasskeyView,
  RegisterPasskeyRequest,
  RenamePasskeyRequest,
  StepUpResponse,
} from '@mailgate/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { authKeys } from '../auth/query-keys';
import { endpoint } from '../endpoint';
import { send } from '../http';
import { noticesKeys } from '../notices/query-keys';
import { useWithStepUp } from '../step-up-context';
import { passkeysKeys } from './query-keys';
import { createPasskey, getPasskeyAssertion } from './webauthn-ceremony';

/** Passkeys change what the step-up dialog offers (me) and the list; each change leaves a notice. */
function invalidateAfterPasskeyChange(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: passkeysKeys.all }),
    queryClient.invalidateQueries({ queryKey: authKeys.me() }),
    queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
  ]);
}

/** Step-up first (if needed), then the authenticator's prompt, then the server checks and stores it. */
export function useAddPasskey() {
  const withStepUp = useWithStepUp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => {
      const options = await withStepUp(() => send<PasskeyOptions>(endpoint(routes.passkey.registrationOptions)));
      const response = await createPasskey(options);
      // The browser library's JSON is what the contract describes; its extension type is narrower.
      const body = { name, response } as unknown as RegisterPasskeyRequest;
      return send<PasskeyView>(endpoint(routes.passkey.register), { body });
    },
    onSuccess: () => invalidateAfterPasskeyChange(queryClient),
  });
}

export function useRenamePasskey() {
  const withStepUp = useWithStepUp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => {
      const body: RenamePasskeyRequest = { name };
      return withStepUp(() => send<PasskeyView>(endpoint(routes.passkey.rename, { params: { id } }), { body }));
    },
    onSuccess: () => invalidateAfterPasskeyChange(queryClient),
  });
}

export function useRemovePasskey() {
  const withStepUp = useWithStepUp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => withStepUp(() => send<void>(endpoint(routes.passkey.remove, { params: { id } }))),
    onSuccess: () => invalidateAfterPasskeyChange(queryClient),
  });
}

/** Sign-in with a passkey: alone, or after the password (the server tells them apart by the pending cookie). */
export function useSignInWithPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const options = await send<PasskeyOptions>(endpoint(routes.passkey.signInOptions));
      const response = await getPasskeyAssertion(options);
      return send<PasskeySignInResponse>(endpoint(routes.passkey.signIn), { body: { response } });
    },
    onSuccess: (result) => {
      // A new session starts with an empty cache: nothing of a previous user may linger.
      queryClient.clear();
      queryClient.setQueryData(authKeys.me(), result.session);
    },
  });
}

/** Used by the step-up dialog only. */
export function useStepUpWithPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const options = await send<PasskeyOptions>(endpoint(routes.passkey.stepUpOptions));
      const passkey = await getPasskeyAssertion(options);
      return send<StepUpResponse>(endpoint(routes.auth.stepUp), { body: { passkey } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
}
