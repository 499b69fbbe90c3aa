/**
 * One row of the `<peeker-domain-picker>` listbox, as a template module (the picker's
 * counterpart of Web Awesome's `<wa-option>`). Internal.
 *
 * Every node here is cloned once per row and a list can hold 1,000 rows, so the templates
 * are flat: no whitespace nodes where they render nothing, one template per shape of facts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { displayDomain, domainWarnings, type AvailabilityRow } from '@peeker/core';
import type { PeekerMessages } from '../messages.ts';
import type { Entry } from './domain-entries.ts';
import { formatAge, formatMoney } from './formatters.ts';
import { statusOf, type RowStatus } from './row-status.ts';

const ICONS: Record<RowStatus, string> = {
  checking: '…',
  available: '✓',
  taken: '✕',
  premium: '★',
  invalid: '⊘',
  error: '⚠',
  stale: '↻',
};

/** What a row shows besides its entry. */
export interface OptionState {
  selected: boolean;
  active: boolean;
  /** Picked by hand (pinned when filling). */
  manual: boolean;
  /**
   * Every Google slot is filled and Microsoft slots are still open: only then can a Google-only
   * row not help, and only then is it flagged (otherwise its capability text is enough).
   */
  googleOnlyUseless: boolean;
  m: PeekerMessages;
  locale: string | undefined;
  /** The current time for ages (epoch ms). */
  now: number;
}

/**
 * A name with break opportunities (`<wbr>`) after dots and hyphens, built as text nodes (never
 * HTML). Plain nodes rather than a nested template per part: far cheaper over 1,000 rows.
 */
function breakable(domain: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  domain.split(/(?<=[.-])/).forEach((part, i) => {
    if (i > 0) fragment.appendChild(document.createElement('wbr'));
    fragment.appendChild(document.createTextNode(part));
  });
  return fragment;
}

/**
 * The Unicode form of an internationalised name, shown after its ASCII form (which is what
 * gets ordered), and a flag when it mixes scripts or reads like another name. ASCII names
 * (nearly every row) skip this entirely.
 */
function renderUnicode(domain: string, m: PeekerMessages): unknown {
  if (!domain.includes('xn--')) return nothing;
  const [warning] = domainWarnings(domain);
  return html` <span class="unicode" data-unicode>${displayDomain(domain)}</span>${warning
    ? html` <span class="flag" data-flag=${warning.code}><span aria-hidden="true">⚠ </span>${m.lookalikeFlag(warning.lookalike)}</span>`
    : nothing}`;
}

/**
 * The text of a status.
 * @param status - the row's status
 * @param row - the row (its `message` explains an invalid name), or null
 * @param m - the messages
 * @returns the status text
 */
export function statusText(status: RowStatus, row: AvailabilityRow | null, m: PeekerMessages): string {
  if (status === 'invalid') return m.statusInvalid(row?.message);
  return m[`status${status[0]!.toUpperCase()}${status.slice(1)}` as `status${Capitalize<Exclude<RowStatus, 'invalid'>>}`];
}

/**
 * Prices, capabilities, the Google-only flag and the age of an answered row.
 * @returns the facts, or nothing while the row is being checked
 */
function renderFacts(row: AvailabilityRow | null, available: boolean, flagged: boolean, s: OptionState): unknown {
  // rows are null until answered, and the entries stamp checked_at on every answer
  if (row?.checked_at === undefined) return nothing;
  const { m, locale } = s;
  const relative = formatAge(row.checked_at, s.now, locale);
  // a failed or expired check was tried, not checked
  const failed = row.reason === 'errored' || row.reason === 'stale';
  const age = failed ? m.triedAgo(relative) : m.checkedAgo(relative);
  if (!available) return html`<span class="age">${age}</span>`;
  const usable = row.usable_for ?? [];
  const prices = `${m.firstYearPrice(formatMoney(row.price_cents, row.currency, locale))} · ${m.renewalPrice(
    formatMoney(row.renewal_price_cents ?? row.price_cents, row.currency, locale),
  )}`;
  return html`<span part="price" class="price">${prices}</span>
    <span class="caps">${m.usableFor(usable.includes('google'), usable.includes('microsoft'))}</span>
    ${flagged
      ? html`<span class="flag" data-flag="google-only"><span aria-hidden="true">⚠ </span>${m.googleOnlyFlag}</span>`
      : nothing}
    <span class="age">${age}</span>`;
}

/**
 * Renders one option of the listbox.
 * @param entry - the name and its latest answer
 * @param s - selection, focus and display state
 * @returns the option
 */
export function renderOption(entry: Entry, s: OptionState): TemplateResult {
  const { row, domain } = entry;
  const { selected, m } = s;
  const status = statusOf(row);
  const available = status === 'available';
  const usable = row?.usable_for ?? [];
  const flagged = available && usable.includes('google') && !usable.includes('microsoft') && s.googleOnlyUseless;
  const marker = entry.source === 'kept' ? m.keptFromEarlierBrand : selected && s.manual ? m.pickedByHand : null;
  const pick = marker === null ? nothing : html`<span class="pick" data-kept=${entry.source === 'kept' ? 'true' : nothing}>(${marker})</span>`;
  return html`<div role="option" id=${entry.id} part="option" class="option" aria-selected=${String(selected)}
    aria-disabled=${String(!available && !selected)} data-domain=${domain} data-status=${status}
    ?data-active=${s.active} ?data-google-only=${flagged}><span class="check" aria-hidden="true"
      >${selected ? '☑' : '☐'}</span><span class="name">${guard([domain], () => breakable(domain))}${renderUnicode(domain, m)}${pick}</span>
    <span class="details"><span part="status" class="status" data-status=${status}><span class="icon" aria-hidden="true"
      >${ICONS[status]}</span> ${statusText(status, row, m)}</span>
      ${renderFacts(row, available, flagged, s)}</span></div>`;
}
