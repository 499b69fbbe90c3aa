import { css } from 'lit';

/**
 * Styles of `<peeker-domain-picker>`. Public `--peeker-*` custom properties are read once
 * into private `--_*` variables on `:host`; everything below uses only the private ones.
 */
export default css`
  :host {
    --_font: var(--peeker-font-family, inherit);
    --_font-size: var(--peeker-font-size, 1rem);
    --_text: var(--peeker-text-color, #1f2328);
    --_muted: var(--peeker-muted-color, #57606a);
    --_surface: var(--peeker-surface-color, #ffffff);
    --_border: var(--peeker-border-color, #8c959f);
    --_accent: var(--peeker-accent-color, #0b57d0);
    --_on-accent: var(--peeker-accent-text-color, #ffffff);
    --_selected: var(--peeker-selected-color, #e8f0fe);
    --_success: var(--peeker-success-color, #1a7f37);
    --_danger: var(--peeker-danger-color, #b3261e);
    --_warning: var(--peeker-warning-color, #8a4b00);
    --_radius: var(--peeker-radius, 6px);
    --_space: var(--peeker-space, 0.75rem);
    --_row-gap: var(--peeker-row-gap, 0.25rem);
    --_focus: var(--peeker-focus-ring, 2px solid var(--_accent));
    --_list-height: var(--peeker-listbox-max-height, 28rem);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    min-inline-size: 0;
  }

  /* shared shapes */
  .base, .field, .paste-body, .summary { display: grid; grid-template-columns: minmax(0, 1fr); }
  .meters, .actions, .details, .totals { display: flex; flex-wrap: wrap; }
  .meter, .progress { display: grid; gap: 0.2em; }
  input, textarea, button, .notice, .listbox, .option, .summary { border-radius: var(--_radius); }
  input, textarea, .listbox, .summary { border: 1px solid var(--_border); }
  label, .list-label, .name, .flag, .paste summary, .summary-title, .totals dd { font-weight: 600; }
  .hint, .muted, .notice, .list-label, .summary-title, .totals, .totals dd { margin: 0; }
  .hint, .muted, .progress, .name .pick, .caps, .age, .totals dt { color: var(--_muted); }
  .hint, .muted, .progress, .details, .totals dt { font-size: 0.875em; }
  .meter, .price, .totals dd { font-variant-numeric: tabular-nums; }
  button:disabled, .listbox[aria-disabled='true'] { opacity: 0.6; }

  .base { gap: var(--_space); background: var(--_surface); }
  .field { gap: calc(var(--_space) / 3); }

  input, textarea, button { font: inherit; background: var(--_surface); }
  input, textarea { color: inherit; padding: 0.5em 0.65em; inline-size: 100%; min-inline-size: 0; }
  textarea { min-block-size: 5em; resize: vertical; }
  input:focus-visible, textarea:focus-visible, button:focus-visible, summary:focus-visible, .listbox:focus-visible {
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

  .paste summary { cursor: pointer; }
  .paste-body { margin-block-start: calc(var(--_space) / 2); }

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
