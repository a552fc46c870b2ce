import type { AuditFilters } from '../../api/admin/queries';

const FILTER_KEYS = ['userId', 'actorId', 'action', 'from', 'to'] as const satisfies readonly (keyof AuditFilters)[];

/** The filters as they sit in the URL (?userId=…&from=…), so a filtered view can be linked to. */
export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

export function filtersToParams(filters: AuditFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params[key] = value;
  }
  return params;
}

/** `<input type="datetime-local">` has no zone: read it as the browser's local time. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
