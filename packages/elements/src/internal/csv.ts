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

