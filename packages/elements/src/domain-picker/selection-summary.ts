/**
 * The selection summary of `<peeker-domain-picker>`: count, totals, what is missing, the
 * review slot, and the actions (fill, clear, confirm, downloads). A template module. Internal.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SlotAssignment } from '../internal/assign-slots.ts';
import type { PeekerMessages } from '../messages.ts';
import { actionButton } from './action-button.ts';
import type { ConfirmPhase } from './confirm-controller.ts';
import type { DownloadKind } from './downloads.ts';

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
  years: number;
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

/** @returns what is still wrong with an incomplete selection, or null */
function missingText({ m, slots, required, complete, chosenCount }: SummaryState): string | null {
  const total = required.google + required.microsoft;
  if (total === 0 || complete) return null;
  const missingGoogle = Math.max(0, required.google - slots.google.length);
  const missingMicrosoft = Math.max(0, required.microsoft - slots.microsoft.length);
  const orderable = chosenCount - slots.unusable.length;
  if (slots.unusable.length > 0) return m.unusableChosen(slots.unusable);
  if (orderable > total) return m.tooMany(orderable - total, total);
  if (missingGoogle + missingMicrosoft > 0) return m.missing(missingGoogle, missingMicrosoft);
  return null;
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
    html`<div><dt>${label}</dt><dd data-total=${which}>${money(cents)}</dd></div>`;
  return html`<div part="summary" class="summary" role="group" aria-labelledby="summary-title" aria-busy=${String(rechecking)}>
    <p id="summary-title" class="summary-title">${m.summaryTitle}</p>
    <p class="count">${m.chosenCount(chosenCount, total)}</p>
    <dl class="totals">
      ${total$(m.firstYearTotal, 'first-year', totals.firstYear)} ${total$(m.renewalTotal, 'renewal', totals.renewal)}
      ${years > 1 ? total$(m.horizonTotal(years), 'horizon', totals.firstYear + (years - 1) * totals.renewal) : nothing}
    </dl>
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
