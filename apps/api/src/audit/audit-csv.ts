/**
 * CSV (RFC 4180) for the audit export, safe to open in a spreadsheet. A cell beginning with
 * `=`, `+`, `-`, `@`, tab or carriage return would be read as a formula (CSV injection), so it
 * gets a leading apostrophe; every cell with a comma, quote or line break is quoted.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
