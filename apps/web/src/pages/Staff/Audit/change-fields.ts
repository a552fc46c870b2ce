/** One field of an audit entry's before/after, as text staff can read out. */
export interface ChangeField {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.join(', ');
  return JSON.stringify(value);
}

function fields(value: unknown): Record<string, unknown> {
  if (value === null || value === undefined) return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return { value };
}

/**
 * The before/after snapshots of an audit entry as rows of fields (changed ones first), instead of
 * two blocks of JSON to compare by eye.
 */
export function changeFields(before: unknown, after: unknown): ChangeField[] {
  const old = fields(before);
  const next = fields(after);
  const names = [...new Set([...Object.keys(old), ...Object.keys(next)])];
  const rows = names.map((field) => {
    const beforeText = show(old[field]);
    const afterText = show(next[field]);
    return { field, before: beforeText, after: afterText, changed: beforeText !== afterText };
  });
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}
