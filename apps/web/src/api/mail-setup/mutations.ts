import { routes } from '@mailgate/contracts/routes';
import type {
  CreateHandoffResponse,
  DeviceSettingsResponse,
  DeviceSetupRequest,
  RedeemHandoffRequest,
} from '@mailgate/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appPasswordsKeys } from '../app-passwords/query-keys';
import { endpoint, type Endpoint } from '../endpoint';
import { ApiError, CLIENT_ERROR_CODES, send, toApiError } from '../http';
import { noticesKeys } from '../notices/query-keys';
import { useWithStepUp } from '../step-up-context';

export interface DownloadedProfile {
  readonly appPasswordId: string;
  readonly fileName: string;
}

/**
 * Posts for a profile and hands the file to the browser as a download. The file holds a password:
 * it lives only in a blob URL revoked right after the click, never in the query cache.
 */
async function downloadProfile(target: Endpoint, body: unknown): Promise<DownloadedProfile> {
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: target.method.toUpperCase(),
      headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'mailgate' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network, detail: String(error) });
  }
  if (!response.ok) throw await toApiError(response);
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'mail.mobileconfig';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
  return { appPasswordId: response.headers.get('X-App-Password-Id') ?? '', fileName };
}

function useRefreshAppPasswords() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: appPasswordsKeys.all }),
      queryClient.invalidateQueries({ queryKey: noticesKeys.all }),
    ]);
}

export function useDownloadProfile() {
  const withStepUp = useWithStepUp();
  const refresh = useRefreshAppPasswords();
  return useMutation({
    mutationFn: (body: DeviceSetupRequest) =>
      withStepUp(() => downloadProfile(endpoint(routes.mailSetup.createProfile), body)),
    onSuccess: () => refresh(),
  });
}

export function useCreateHandoff() {
  const withStepUp = useWithStepUp();
  return useMutation({
    mutationFn: (body: DeviceSetupRequest) =>
      withStepUp(() => send<CreateHandoffResponse>(endpoint(routes.mailSetup.createHandoff), { body })),
  });
}

export function useRedeemHandoff() {
  const refresh = useRefreshAppPasswords();
  return useMutation({
    mutationFn: async (body: RedeemHandoffRequest): Promise<DownloadedProfile | DeviceSettingsResponse> =>
      body.as === 'profile'
        ? downloadProfile(endpoint(routes.mailSetup.redeemHandoff), body)
        : send<DeviceSettingsResponse>(endpoint(routes.mailSetup.redeemHandoff), { body }),
    onSuccess: () => refresh(),
  });
}
