import { displayDomain, domainWarnings, type AvailabilityRow, type OptimalSelection, type Provider } from '@peeker/core';

/** One chosen domain with the slot it fills and its prices. */
export interface PickedDomain {
  domain: string;
  provider: Provider;
  price_cents: number;
  renewal_price_cents: number;
  currency: string | null;
}

/**
 * The chosen domains, Google slots first, each with its row's prices.
 * @param selection - an optimal solver result
 * @param rows - the rows the solver saw
 * @returns one entry per chosen domain
 */
export function pickedDomains(selection: OptimalSelection, rows: readonly AvailabilityRow[]): PickedDomain[] {
  const byName = new Map<string, AvailabilityRow>();
  for (const row of rows) byName.set(row.domain, row);
  const entry = (domain: string, provider: Provider): PickedDomain => {
    const row = byName.get(domain);
    return {
      domain,
      provider,
      price_cents: row?.price_cents ?? 0,
      renewal_price_cents: row?.renewal_price_cents ?? row?.price_cents ?? 0,
      currency: row?.currency?.toLowerCase() ?? selection.cost.currency,
    };
  };
  return [
    ...selection.google.map((d) => entry(d, 'google')),
    ...selection.microsoft.map((d) => entry(d, 'microsoft')),
  ];
}

/**
 * Formats integer cents as money, e.g. `$13.00`.
 * @param cents - integer cents
 * @param currency - ISO code in any case; `usd` when unknown
 * @returns display text
 */
export function formatMoney(cents: number, currency: string | null): string {
  const code = (currency ?? 'usd').toUpperCase();
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${code}`;
  }
}

/**
 * The human-readable answer of `peeker-domains pick`: a table and the totals.
 * @param input - what was picked and how
 * @returns text ending in a newline
 */
export function formatSelectionTable(input: {
  brand: string;
  selection: OptimalSelection;
  picked: readonly PickedDomain[];
  years: number;
  checked: number;
}): string {
  const { brand, selection, picked, years, checked } = input;
  const currency = selection.cost.currency;
  const header = ['Domain', 'Provider', 'First year', 'Renewal/yr'];
  // An internationalised name shows its Unicode form next to the ASCII one people order.
  const nameCell = (domain: string): string => {
    const unicode = displayDomain(domain);
    return unicode === domain ? domain : `${domain} (${unicode})`;
  };
  const body = picked.map((p) => [
    nameCell(p.domain),
    p.provider,
    formatMoney(p.price_cents, p.currency),
    formatMoney(p.renewal_price_cents, p.currency),
  ]);
  const totals = ['Total', '', formatMoney(selection.cost.first_year_cents, currency), formatMoney(selection.cost.renewal_cents, currency)];
  const widths = header.map((h, i) => Math.max(h.length, ...[...body, totals].map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const warnings = picked.flatMap((p) => domainWarnings(p.domain).map((w) => `Warning: ${p.domain}: ${w.message}.`));
  const lines = [
    `Picked ${picked.length} domains for "${brand}": ${selection.google.length} Google, ${selection.microsoft.length} Microsoft (${checked} names checked).`,
    '',
    line(header),
    rule,
    ...body.map(line),
    rule,
    line(totals),
    ...(warnings.length > 0 ? ['', ...warnings] : []),
    '',
    years === 1
      ? `Total for the first year: ${formatMoney(selection.cost.total_cents, currency)}`
      : `Total over ${years} years (first year + ${years - 1} renewal${years - 1 === 1 ? '' : 's'}): ${formatMoney(selection.cost.total_cents, currency)}`,
  ];
  return `${lines.join('\n')}\n`;
}
