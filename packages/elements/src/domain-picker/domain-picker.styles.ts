import { css } from 'lit';

/**
 * Styles of `<peeker-domain-picker>`. Public `--peeker-*` custom properties are read once
 * into private `--_*` variables on `:host` (the shared ones in internal/theme-tokens.ts, the
 * picker's own below); everything below uses only the private ones.
 *
 * Colour defaults come in a light and a dark variant through `light-dark()`: the host's
 * `color-scheme: light dark` follows `prefers-color-scheme`, and a page that has no dark
 * theme pins the light one with `peeker-domain-picker { color-scheme: light }` (page rules
 * on the host beat `:host`). Form controls, meters and scrollbars follow the same scheme.
 */
export default css`
  :host {
    --_on-accent: var(--peeker-accent-text-color, light-dark(#ffffff, #0d1117));
    --_selected: var(--peeker-selected-color, light-dark(#e8f0fe, #1c2d4a));
    --_row-gap: var(--peeker-row-gap, 0.25rem);
    --_focus: var(--peeker-focus-ring, 2px solid var(--_accent));
    --_list-height: var(--peeker-listbox-max-height, 28rem);
    min-inline-size: 0;
  }

  /* shared shapes */
  .base, .field, .paste-body, .summary { display: grid; grid-template-columns: minmax(0, 1fr); }
  .meters, .actions, .details, .totals { display: flex; flex-wrap: wrap; }
  .meter, .progress { display: grid; gap: 0.2em; }
  input, textarea, button, .notice, .listbox, .option, .summary { border-radius: var(--_radius); }
  input, textarea, .listbox, .summary { border: 1px solid var(--_border); }
  label, .list-label, .name, .summary-title, .totals dd, .chosen-name { font-weight: 600; }
  .hint, .muted, .notice, .list-label, .summary-title, .totals, .totals dd { margin: 0; }
  .hint, .muted, .progress, .name .pick, .caps, .age, .totals dt, .chosen-price, .cost-label { color: var(--_muted); }
  .hint, .muted, .progress, .details, .totals dt, .toolbar, .chosen-price, .slot, .cost-chart { font-size: 0.875em; }
  .meter, .price, .totals dd, .chosen-price, .cost-amount { font-variant-numeric: tabular-nums; }
  button:disabled, .listbox[aria-disabled='true'] { opacity: 0.6; }

  .base { gap: var(--_space); background: var(--_surface); }
  .field { gap: calc(var(--_space) / 3); }

  input, textarea, button, select { font: inherit; background: var(--_surface); }
  input, textarea { color: inherit; padding: 0.5em 0.65em; inline-size: 100%; min-inline-size: 0; }
  textarea { min-block-size: 5em; resize: vertical; }
  input:focus-visible, textarea:focus-visible, button:focus-visible, select:focus-visible, .listbox:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  button { border: 1px solid var(--_accent); color: var(--_accent); padding: 0.45em 0.9em; cursor: pointer; }
  button.primary { background: var(--_accent); color: var(--_on-accent); }
  button:disabled { cursor: not-allowed; }
  .actions, .paste-body, .summary { gap: calc(var(--_space) / 2); }

  .meters { gap: var(--_space); }
  .meter { flex: 1 1 10rem; }
  .meter meter, .progress progress { inline-size: 100%; block-size: 0.6em; accent-color: var(--_accent); }
  .meter[data-met] .meter-text::after { content: ' ✓'; color: var(--_success); }

  .notice { padding: 0.5em 0.75em; border-inline-start: 4px solid var(--_border); }
  .notice[data-kind='error'] { border-color: var(--_danger); }
  .notice[data-kind='warning'], .notice[data-kind='infeasible'] { border-color: var(--_warning); }
  .notice[data-kind='success'] { border-color: var(--_success); }
  .notice button { margin-inline-start: 0.5em; }

  /* block flow with margins, not a grid with gap: 1,000 grid items take twice as long to lay out */
  .listbox {
    max-block-size: var(--_list-height);
    overflow: auto;
    overscroll-behavior: contain;
    padding: 2px;
  }

  .option {
    content-visibility: auto;
    contain-intrinsic-size: auto 4.5em;
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.15em 0.6em;
    padding: 0.45em 0.6em;
    cursor: pointer;
    border: 1px solid transparent;
  }
  .option + .option { margin-block-start: var(--_row-gap); }
  .option[aria-selected='true'] { background: var(--_selected); border-color: var(--_accent); }
  .option[aria-disabled='true'] { cursor: default; }
  .option[data-active] { outline: 2px dashed var(--_border); outline-offset: -2px; }
  .listbox:focus-visible .option[data-active], .listbox:focus .option[data-active] { outline: var(--_focus); }
  .check { grid-row: span 3; font-size: 1.1em; line-height: 1.4; }
  .name, .details { min-inline-size: 0; }
  .name { overflow-wrap: anywhere; }
  .name .pick { font-weight: 400; font-size: 0.85em; margin-inline-start: 0.4em; }
  .details { gap: 0.2em 0.9em; }
  .status[data-status='available'] .icon { color: var(--_success); }
  .status[data-status='taken'] .icon, .status[data-status='invalid'] .icon, .status[data-status='error'] .icon {
    color: var(--_danger);
  }
  .status[data-status='premium'] .icon, .status[data-status='stale'] .icon, .flag { color: var(--_warning); }

  .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em 1em; }
  .toolbar label { font-weight: 400; display: inline-flex; align-items: center; gap: 0.4em; }
  .toolbar select { color: inherit; border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.2em 0.4em; }
  .toolbar input[type='checkbox'] { inline-size: auto; accent-color: var(--_accent); }

  button.disclosure { justify-self: start; border-color: transparent; padding-inline: 0.2em; font-weight: 600; }
  .paste-body { margin-block-start: calc(var(--_space) / 2); }

  .chosen { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.2em; }
  /* the facts wrap (two lines on a phone); the Remove button stays at the end of the row */
  .chosen li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 0.75em;
    padding-block: 0.2em;
    border-block-end: 1px solid color-mix(in srgb, var(--_border) 35%, transparent);
  }
  .chosen-facts { display: flex; flex-wrap: wrap; align-items: center; gap: 0.1em 0.75em; min-inline-size: 0; }
  .chosen-name { overflow-wrap: anywhere; min-inline-size: 0; }
  .slot { border: 1px solid var(--_border); border-radius: 999px; padding: 0 0.55em; }
  .slot[data-slot='microsoft'] { border-color: var(--_accent); color: var(--_accent); }
  .slot[data-slot='unusable'], .slot[data-slot='extra'] { border-color: var(--_danger); color: var(--_danger); }
  .chosen .remove { padding: 0.1em 0.6em; border-color: var(--_border); color: var(--_text); font-size: 0.875em; }
  .savings { margin: 0; color: var(--_success); font-weight: 600; }

  /* one grid for both bars, so their tracks are the same length and the bars compare */
  .cost-chart { display: grid; grid-template-columns: max-content minmax(3em, 1fr) max-content; align-items: center; gap: 0.3em 0.6em; }
  .cost-row { display: contents; }
  .cost-track { block-size: 0.7em; border-radius: 999px; background: color-mix(in srgb, var(--_border) 25%, transparent); }
  .cost-bar { display: block; block-size: 100%; min-inline-size: 2px; border-radius: inherit; background: var(--_accent); }
  .cost-row[data-cost='renewals'] .cost-bar { background: var(--_muted); }

  .summary { padding: var(--_space); }
  .totals { gap: 0.25em 1.5em; }
  .totals div { display: grid; }
  .totals dd { font-size: 1.15em; }
  .review ul { margin: 0.25em 0; padding-inline-start: 1.2em; }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  @media (forced-colors: active) {
    .option[aria-selected='true'] { border-color: Highlight; }
  }
`;
