/**
 * Sorting and filtering the list of `<peeker-domain-picker>`: the view settings, the function
 * that applies them, and the controls. The view only changes what is shown; the selection,
 * the solver's pool and the checks never depend on it. Loaded with the first rows
 * (list-toolbar-loader.ts), not part of the first load. Internal.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PeekerMessages } from '../messages.ts';
import type { Entry } from './domain-entries.ts';
import { horizonCents } from './naive-baseline.ts';
import { statusOf } from './row-status.ts';

/** How the list is sorted and filtered. */
export interface ListView {
  /** `best`: generation order (best ideas first); `price`: lowest cost over the horizon; `name`. */
  sort: 'best' | 'price' | 'name';
  /** `microsoft`: can fill a Microsoft slot; `google-only`: cannot. */
  provider: 'any' | 'microsoft' | 'google-only';
  /** Only names under this TLD (`com`, `co.uk`); `''`: every TLD. */
  tld: string;
  /** Hide names that cannot be ordered. */
  availableOnly: boolean;
}

/** The view before the customer touches the controls: everything, best first. */
export const DEFAULT_VIEW: ListView = { sort: 'best', provider: 'any', tld: '', availableOnly: false };

/** The name's TLD: the longest of the element's `tlds` it ends with, else its last label. */
function tldOf(domain: string, known: readonly string[]): string {
  let best = '';
  for (const tld of known) if (tld.length > best.length && domain.endsWith(`.${tld}`)) best = tld;
  return best || domain.slice(domain.lastIndexOf('.') + 1);
}
const byName = (a: Entry, b: Entry): number => (a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : 0);

/**
 * @param entries - every listed entry, in list order
 * @param view - the view settings
 * @param years - cost horizon, for the price sort
 * @param tlds - the element's TLDs (so `co.uk` is one TLD)
 * @returns the entries to show, in the order to show them
 */
export function applyView(entries: readonly Entry[], view: ListView, years: number, tlds: readonly string[]): Entry[] {
  if (view === DEFAULT_VIEW) return entries as Entry[];
  const shown = entries.filter(({ domain, row }) => {
    const available = statusOf(row) === 'available';
    if (view.availableOnly && !available) return false;
    if (view.tld !== '' && tldOf(domain, tlds) !== view.tld) return false;
    if (view.provider === 'any') return true;
    // capability is only known for names that can be ordered
    const microsoft = available && (row?.usable_for ?? []).includes('microsoft');
    return view.provider === 'microsoft' ? microsoft : available && !microsoft;
  });
  if (view.sort === 'name') return shown.sort(byName);
  if (view.sort === 'price') {
    // names without a price go last, in list order (the sort is stable)
    const cost = (entry: Entry): number =>
      entry.row && statusOf(entry.row) === 'available' ? horizonCents(entry.row, years) : Number.POSITIVE_INFINITY;
    return shown.sort((a, b) => cost(a) - cost(b) || byName(a, b));
  }
  return shown;
}

/**
 * @param view - the current settings
 * @param entries - every listed entry (the TLD menu offers the TLDs among them)
 * @param tlds - the element's TLDs
 * @param shown - how many rows the view shows
 * @param m - the messages
 * @param disabled - whether the controls are disabled
 * @param onChange - gets the new settings
 * @returns the controls
 */
export function renderToolbar(
  view: ListView,
  entries: readonly Entry[],
  tlds: readonly string[],
  shown: number,
  m: PeekerMessages,
  disabled: boolean,
  onChange: (view: ListView) => void,
): TemplateResult {
  const present = [...new Set(entries.map((e) => tldOf(e.domain, tlds)))].sort();
  const set = (patch: Partial<ListView>): void => onChange({ ...view, ...patch });
  const value = (event: Event): string => (event.target as HTMLSelectElement).value;
  const option = (v: string, label: string, current: string): TemplateResult =>
    html`<option value=${v} ?selected=${v === current}>${label}</option>`;
  return html`<div class="toolbar" role="group" aria-label=${m.toolbarLabel}>
    <label>${m.sortLabel}
      <select ?disabled=${disabled} @change=${(e: Event) => set({ sort: value(e) as ListView['sort'] })}>
        ${option('best', m.sortBest, view.sort)}${option('price', m.sortPrice, view.sort)}${option('name', m.sortName, view.sort)}
      </select></label>
    <label>${m.providerLabel}
      <select ?disabled=${disabled} @change=${(e: Event) => set({ provider: value(e) as ListView['provider'] })}>
        ${option('any', m.providerAny, view.provider)}${option('microsoft', m.providerMicrosoft, view.provider)}${option(
          'google-only',
          m.providerGoogleOnly,
          view.provider,
        )}
      </select></label>
    <label>${m.tldLabel}
      <select ?disabled=${disabled} @change=${(e: Event) => set({ tld: value(e) })}>
        ${option('', m.tldAny, view.tld)}${present.map((tld) => option(tld, `.${tld}`, view.tld))}
      </select></label>
    <label class="check-label"><input type="checkbox" .checked=${view.availableOnly} ?disabled=${disabled}
      @change=${(e: Event) => set({ availableOnly: (e.target as HTMLInputElement).checked })} />${m.availableOnly}</label>
    ${shown < entries.length ? html`<span class="muted" data-role="showing">${m.showing(shown, entries.length)}</span>` : nothing}
  </div>`;
}
