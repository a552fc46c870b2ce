import { applyDecorators, HttpCode, RequestMapping, RequestMethod, SetMetadata } from '@nestjs/common';
import type { OperationContract } from '@mailgate/contracts';

export const OPERATION_METADATA = 'mailgate:operation';

const METHODS: Record<OperationContract['method'], RequestMethod> = {
  get: RequestMethod.GET,
  post: RequestMethod.POST,
  put: RequestMethod.PUT,
  patch: RequestMethod.PATCH,
  delete: RequestMethod.DELETE,
};

/** `/api/app-passwords/{id}` (OpenAPI) → `/api/app-passwords/:id` (router). */
export function toRouterPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}

/**
 * Maps a handler to its contract operation: method, path and success status come from the
 * contract, and the operation is recorded so the OpenAPI document and the route-table tests are
 * generated from what is actually served.
 */
export function ContractRoute(operation: OperationContract): MethodDecorator {
  const successStatus = ([200, 201, 204] as const).find((status) => status in operation.responses) ?? 200;
  return applyDecorators(
    RequestMapping({ path: toRouterPath(operation.path), method: METHODS[operation.method] }),
    HttpCode(successStatus),
    SetMetadata(OPERATION_METADATA, operation),
  );
}
