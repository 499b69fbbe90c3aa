/**
 * The picker's three downloads (selection CSV, all results CSV, order JSON), loaded on first
 * use. Internal.
 */
import { buildOrderDraft, displayDomain, normalizeHostname, type AvailabilityRow, type SlotAssignment } from '@peeker/core';
import { toCsv } from '../internal/csv.ts';
import type { Entry } from './domain-entries.ts';
import { centsToDecimal } from './formatters.ts';
import type { OrderFields } from './order-fields.ts';
import { statusOf } from './row-status.ts';

/** Which file. */
export type DownloadKind = 'csv' | 'json' | 'results';

/** What the files are made of. */
export interface DownloadSource {
  /** The chosen names, sorted. */
  value: readonly string[];
  /** How the chosen names fill the slots. */
  slots: SlotAssignment;
  /** Every listed name. */
  entries: Iterable<Entry>;
  rowOf: (domain: string) => AvailabilityRow | null;
  /** The chosen orderable rows' totals. */
  totals: { firstYear: number; renewal: number; currency: string | undefined };
  /** The host's `order` property. */
  order: OrderFields | null;
  /** Where the temporary link is appended (the element's shadow root). */
  root: ParentNode;
}

/** Plain amount, provider list and check time of a row, for the CSV exports. */
const priceCells = (row: AvailabilityRow | null | undefined): string[] => [
  (row?.usable_for ?? []).join(' '),
  centsToDecimal(row?.price_cents),
  centsToDecimal(row?.renewal_price_cents),
  row?.currency?.toUpperCase() ?? '',
];
const checkedCell = (row: AvailabilityRow | null | undefined): string =>
  row?.checked_at === undefined ? '' : new Date(row.checked_at).toISOString();

function selectionCsv({ value, slots, rowOf }: DownloadSource): string {
  return toCsv([
    'domain provider usable_for first_year_price renewal_price currency checked_at domain_unicode'.split(' '),
    ...value.map((domain) => {
      const row = rowOf(domain);
      const provider = slots.google.includes(domain) ? 'google' : slots.microsoft.includes(domain) ? 'microsoft' : '';
      return [domain, provider, ...priceCells(row), checkedCell(row), displayDomain(domain)];
    }),
  ]);
}

function resultsCsv({ entries }: DownloadSource): string {
  return toCsv([
    'domain status reason usable_for first_year_price renewal_price currency pattern checked_at domain_unicode'.split(' '),
    ...[...entries].map(({ domain, row, pattern }) => [
      domain, statusOf(row), row?.reason, ...priceCells(row), pattern, checkedCell(row), displayDomain(domain),
    ]),
  ]);
}

function orderJson({ value, slots, totals, order: fields }: DownloadSource): string {
  let order: unknown = null;
  try {
    if (fields) order = buildOrderDraft({ ...fields, domains: [...value] }, { normalize: normalizeHostname });
  } catch {
    // an incomplete `order` property: the file has no order body yet
  }
  const cost = {
    first_year_cents: totals.firstYear,
    renewal_cents: totals.renewal,
    currency: totals.currency?.toLowerCase() ?? null,
  };
  return `${JSON.stringify({ domains: value, google: slots.google, microsoft: slots.microsoft, cost, order }, null, 2)}\n`;
}

const FILES: Record<DownloadKind, [filename: string, type: string, build: (source: DownloadSource) => string]> = {
  csv: ['peeker-selection.csv', 'text/csv', selectionCsv],
  json: ['peeker-order.json', 'application/json', orderJson],
  results: ['peeker-results.csv', 'text/csv', resultsCsv],
};

/**
 * Builds one file and hands it to the browser's download.
 * @param kind - which file
 * @param source - what it is made of
 */
export function download(kind: DownloadKind, source: DownloadSource): void {
  const [filename, type, build] = FILES[kind];
  const url = URL.createObjectURL(new Blob([build(source)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  source.root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
