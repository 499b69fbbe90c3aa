import { html, nothing } from 'lit';
import type { SlotAssignment } from '@peeker/core';
import type { PeekerMessages } from '../messages.ts';

/**
 * The Google and Microsoft meters (how many slots the chosen names fill). Internal.
 * @param m - messages
 * @param slots - the current slot assignment
 * @param required - slots per provider
 * @returns the meters, or nothing when the order needs no names
 */
export function renderMeters(m: PeekerMessages, slots: SlotAssignment, required: { google: number; microsoft: number }): unknown {
  if (required.google + required.microsoft === 0) return nothing;
  const meter = (provider: 'google' | 'microsoft', have: number, need: number, text: string): unknown =>
    need > 0
      ? html`<div part="meter" class="meter" data-provider=${provider} ?data-met=${have >= need}>
          <span class="meter-text" id="meter-${provider}">${text}</span>
          <meter min="0" max=${need} .value=${Math.min(have, need)} aria-labelledby="meter-${provider}"></meter>
        </div>`
      : nothing;
  const google = slots.google.length;
  const microsoft = slots.microsoft.length;
  return html`<div class="meters">
    ${meter('google', google, required.google, m.googleMeter(google, required.google))}
    ${meter('microsoft', microsoft, required.microsoft, m.microsoftMeter(microsoft, required.microsoft))}
  </div>`;
}

/**
 * The checking progress bar, while names are being checked. Internal.
 * @param m - messages
 * @param progress - names checked of names asked, or null
 * @param busy - checks are running
 * @returns the bar, or nothing
 */
export function renderProgress(m: PeekerMessages, progress: { done: number; total: number } | null, busy: boolean): unknown {
  if (!progress || !(busy || progress.done < progress.total)) return nothing;
  return html`<div class="progress">
    <span id="progress-label">${m.progress(progress.done, progress.total)}</span>
    <progress max=${Math.max(1, progress.total)} .value=${progress.done} aria-labelledby="progress-label"></progress>
  </div>`;
}
