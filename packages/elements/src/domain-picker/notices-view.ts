import { html, nothing, type TemplateResult } from 'lit';
import type { PeekerMessages } from '../messages.ts';
import { actionButton } from './action-button.ts';
import { notice, type Notice } from './notice.ts';

/** What the picker's notices are made of (the element gathers it; this module only words and lays it out). */
export interface NoticesInput {
  m: PeekerMessages;
  /** A brand is typed but there is no endpoint and no transport. */
  noTransport: boolean;
  /** The generator refused the brand or the TLD list (worded). */
  brandProblem: string | null;
  /** The last search failed as a whole (worded), or null. */
  searchFailed: string | null;
  /** Names whose check failed or went stale (retryable). */
  failedCount: number;
  /** Why the requirement cannot be met right now, or null. */
  infeasible: string | null;
  /** The last "Fill cheapest" notice. */
  fillNotice: Notice | null;
  /** The confirm flow's notice: it takes focus when it replaces the pressed button. */
  flowNotice: Notice | null;
  /** Pasted entries that are not names. */
  pasteInvalid: readonly string[];
  disabled: boolean;
  onRetry: () => void;
}

/**
 * The picker's notices, most actionable first; errors are alerts. Internal.
 * @param input - see {@link NoticesInput}
 * @returns the notices block
 */
export function renderNotices(input: NoticesInput): TemplateResult {
  const { m, fillNotice, flowNotice } = input;
  const notices: Notice[] = [];
  const add = (kind: Notice['kind'], text: string, retry?: boolean): unknown => notices.push(notice(kind, text, retry));
  if (input.noTransport) add('error', m.noTransport);
  if (input.brandProblem !== null) add('warning', m.brandRejected(input.brandProblem));
  if (input.searchFailed !== null) add('error', m.checkFailed(input.searchFailed), true);
  if (input.failedCount > 0) add('error', m.failedCount(input.failedCount), true);
  // an unusable brand is the one thing to fix: no shortfall of its (empty) ideas beside it
  if (input.brandProblem === null && input.infeasible !== null) add('infeasible', input.infeasible);
  if (fillNotice && fillNotice.kind !== 'infeasible') notices.push(fillNotice);
  if (flowNotice) notices.push(flowNotice);
  if (input.pasteInvalid.length > 0) add('warning', m.pasteInvalid(input.pasteInvalid));
  return html`<div class="notices">
    ${notices.map(
      (n) => html`<p class="notice" data-kind=${n.kind} role=${n.kind === 'error' ? 'alert' : nothing}
        data-role=${n === flowNotice ? 'flow-notice' : nothing} tabindex=${n === flowNotice ? '-1' : nothing}>
        ${n.text} ${n.retry ? actionButton('retry', m.retry, input.disabled, input.onRetry) : nothing}
      </p>`,
    )}
  </div>`;
}
