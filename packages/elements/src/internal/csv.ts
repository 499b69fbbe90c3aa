/**
 * CSV writing (RFC 4180: comma separated, CRLF line ends, fields quoted when they contain
 * a comma, a quote or a line break, quotes doubled). Internal; never exported.
 *
 * Spreadsheet formula injection: a field that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is prefixed with `'` so spreadsheet apps show it as text (OWASP "CSV
 * Injection"). Names come from a transport, so they are not trusted.
 */

/** One CSV cell: text, a number, or empty for `null`/`undefined`. */
export type CsvCell = string | number | null | undefined;

/**
 * Escapes one cell.
 * @param cell - the value
 * @returns the field text, quoted when needed
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  let text = typeof cell === 'number' ? String(cell) : cell;
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Joins rows into a CSV document.
 * @param rows - header row first, then data rows
 * @returns the document, each line ending in CRLF
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * Integer cents as a plain decimal amount (`1300` → `13.00`) for CSV, where a formatted
 * currency string would not sort or sum.
 * @param cents - integer cents, or undefined
 * @returns the amount, or `''`
 */
export function centsToDecimal(cents: number | undefined): string {
  if (cents === undefined || !Number.isSafeInteger(cents)) return '';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
