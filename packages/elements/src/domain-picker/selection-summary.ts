/**
 * The selection summary of `<peeker-domain-picker>`: count, the chosen names with their slot
 * and prices, totals and the cost picture, what the optimiser saved, what is missing, the
 * review slot, and the actions (fill, clear, confirm, downloads). A template module. Internal.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AvailabilityRow } from '@peeker/core';
import type { SlotAssignment } from '@peeker/core';
import type { PeekerMessages } from '../messages.ts';
import { actionButton } from './action-button.ts';
import type { ConfirmPhase } from './confirm-types.ts';
import { renderCostChart } from './cost-chart.ts';
import type { DownloadKind } from './downloads.ts';

/** Which slot a chosen name fills (`extra`: the order has no slot left for it). */
export type ChosenSlot = 'google' | 'microsoft' | 'extra' | 'unusable';

/** What the summary shows. */
export interface SummaryState {
  m: PeekerMessages;
  slots: SlotAssignment;
  required: { google: number; microsoft: number };
  /** The selection meets both counts exactly. */
  complete: boolean;
  chosenCount: number;
  listed: number;
  totals: { firstYear: number; renewal: number };
  /** Whether any checked name has a price yet (else totals read {@link PeekerMessages.noTotal}). */
  priced: boolean;
  years: number;
  /** The latest answer for a chosen name. */
  rowOf: (domain: string) => AvailabilityRow | null;
  /** Cents the selection saves over picking the cheapest-looking names by hand, or null. */
  savings: number | null;
  onRemove: (domain: string) => void;
  /** Formats an amount in cents in the selection's currency. */
  money: (cents: number) => string;
  phase: ConfirmPhase;
  /** Nothing may change the selection (disabled, or an order was accepted). */
  locked: boolean;
  /** The review panel (or nothing). */
  review: unknown;
  onFill: () => void;
  onClear: () => void;
  onConfirm: () => void;
  onDownload: (kind: DownloadKind) => void;
}

/**
 * What is still wrong with an incomplete selection and what to do; also the form's
 * validation message.
 * @returns the text, or null when nothing is wrong (or nothing is required)
 */
export function missingText({ m, slots, required, complete, chosenCount }: Pick<SummaryState, 'm' | 'slots' | 'required' | 'complete' | 'chosenCount'>): string | null {
  const total = required.google + required.microsoft;
  if (total === 0 || complete) return null;
  if (chosenCount === 0) return m.noneChosen;
  const missingGoogle = Math.max(0, required.google - slots.google.length);
  const missingMicrosoft = Math.max(0, required.microsoft - slots.microsoft.length);
  const orderable = chosenCount - slots.unusable.length;
  if (slots.unusable.length > 0) return m.unusableChosen(slots.unusable);
  if (orderable > total) return m.tooMany(orderable - total, total);
  if (missingGoogle + missingMicrosoft > 0) return m.missing(missingGoogle, missingMicrosoft);
  return null;
}

/** The chosen names, Microsoft slots first, each with its slot, prices and a remove button. */
function renderChosen(s: SummaryState): TemplateResult {
  const { m, slots, money, locked, phase } = s;
  const slotText: Record<ChosenSlot, string> = {
    google: m.slotGoogle,
    microsoft: m.slotMicrosoft,
    extra: m.slotExtra,
    unusable: m.slotUnusable,
  };
  const lines = (['microsoft', 'google', 'extra', 'unusable'] as const).flatMap((slot) =>
    slots[slot].map((domain) => ({ domain, slot })),
  );
  const frozen = locked || phase === 'rechecking';
  return html`<p id="chosen-title" class="list-label">${m.chosenListLabel}</p>
    <ul class="chosen" aria-labelledby="chosen-title">
      ${lines.map(({ domain, slot }) => {
        const row = s.rowOf(domain);
        const priced = slot !== 'unusable' && row?.price_cents !== undefined;
        return html`<li data-domain=${domain} data-slot=${slot}>
          <span class="chosen-facts"><span class="chosen-name">${domain}</span>
          <span class="slot" data-slot=${slot}>${slotText[slot]}</span>
          ${priced
            ? html`<span class="chosen-price">${m.firstYearPrice(money(row.price_cents!))} · ${m.renewalPrice(
                money(row.renewal_price_cents ?? row.price_cents!),
              )}</span>`
            : nothing}</span>
          <button part="button" type="button" class="remove" data-action="remove" aria-label=${m.removeName(domain)}
            ?disabled=${frozen} @click=${() => s.onRemove(domain)}>${m.remove}</button>
        </li>`;
      })}
    </ul>`;
}

/**
 * @param s - what to show and the actions
 * @returns the summary
 */
export function renderSummary(s: SummaryState): TemplateResult {
  const { m, totals, years, money, phase, locked, chosenCount } = s;
  const total = s.required.google + s.required.microsoft;
  const rechecking = phase === 'rechecking';
  const status = missingText(s);
  const total$ = (label: string, which: string, cents: number): TemplateResult =>
    html`<div><dt>${label}</dt><dd data-total=${which}>${s.priced ? money(cents) : m.noTotal}</dd></div>`;
  return html`<div part="summary" class="summary" role="group" aria-labelledby="summary-title" aria-busy=${String(rechecking)}>
    <p id="summary-title" class="summary-title">${m.summaryTitle}</p>
    <p class="count">${m.chosenCount(chosenCount, total)}</p>
    ${chosenCount > 0 ? renderChosen(s) : nothing}
    <dl class="totals">
      ${total$(m.firstYearTotal, 'first-year', totals.firstYear)} ${total$(m.renewalTotal, 'renewal', totals.renewal)}
      ${years > 1 ? total$(m.horizonTotal(years), 'horizon', totals.firstYear + (years - 1) * totals.renewal) : nothing}
    </dl>
    ${chosenCount > 0 && s.priced ? renderCostChart({ m, firstYear: totals.firstYear, renewal: totals.renewal, years, money }) : nothing}
    ${s.savings !== null && s.savings > 0
      ? html`<p class="savings" data-role="savings">${m.savings(money(s.savings), years)}</p>`
      : nothing}
    ${status !== null ? html`<p class="missing" data-role="missing">${status}</p>` : nothing}
    ${rechecking ? html`<p class="muted">${m.rechecking}</p>` : nothing}
    ${s.review}
    <div class="actions">
      ${actionButton('fill', m.fillCheapest, locked || total === 0 || rechecking, s.onFill)}
      ${actionButton('clear', m.clearSelection, locked || chosenCount === 0 || rechecking, s.onClear)}
      ${phase === 'review'
        ? nothing
        : actionButton('confirm', m.confirm, locked || !s.complete, s.onConfirm, true, rechecking)}
    </div>
    <div class="actions">
      ${actionButton('csv', m.downloadCsv, chosenCount === 0, () => s.onDownload('csv'))}
      ${actionButton('json', m.downloadJson, chosenCount === 0, () => s.onDownload('json'))}
      ${actionButton('results', m.downloadResults, s.listed === 0, () => s.onDownload('results'))}
    </div>
    <p class="hint">${m.warmUp}</p>
  </div>`;
}
