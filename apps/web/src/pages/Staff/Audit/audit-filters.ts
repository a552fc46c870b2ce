import type { AuditFilters } from '../../../api/admin/queries';

const FILTER_KEYS = [
  'userId',
  'actorId',
  'userEmail',
  'actorEmail',
  'action',
  'from',
  'to',
] as const satisfies readonly (keyof AuditFilters)[];

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

/**
 * An account field of the filter form: staff type an e-mail address (what they know), or paste an
 * id (what a link from the account page carries).
 */
export function accountFilter(
  value: string,
): { kind: 'email'; value: string } | { kind: 'id'; value: string } | { kind: 'none' } | { kind: 'invalid' } {
  const text = value.trim();
  if (!text) return { kind: 'none' };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { kind: 'email', value: text };
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return { kind: 'id', value: text };
  return { kind: 'invalid' };
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
