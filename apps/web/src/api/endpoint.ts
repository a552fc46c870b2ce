import type { ApiRoute, PathParamNames, PathParams } from '@mailgate/contracts/routes';

// The SPA's URLs are built from the contracts' routes table (`routes.<group>.<operation>`, zod-free),
// the same table the API mounts its handlers from, so the two cannot disagree. A route name that
// does not exist, or a path parameter left out, is a compile error.

/** What a request needs of its operation: the method and the URL with its parameters filled in. */
export interface Endpoint {
  readonly method: ApiRoute['method'];
  readonly url: string;
}

/** Query values; undefined, null and '' are left out (an empty filter means "no filter"). */
type Query = Record<string, string | number | undefined | null>;

type EndpointInput<P extends string> = [PathParamNames<P>] extends [never]
  ? [input?: { query?: Query }]
  : [input: { params: PathParams<P>; query?: Query }];

export function endpoint<R extends ApiRoute>(route: R, ...[input]: EndpointInput<R['path']>): Endpoint {
  const params: Partial<Record<string, string>> = input && 'params' in input ? input.params : {};
  const path = route.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${route.path}`);
    // Encoded, so an id can never add a path segment or a query.
    return encodeURIComponent(value);
  });
  return { method: route.method, url: withQuery(path, input?.query ?? {}) };
}

function withQuery(path: string, query: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
