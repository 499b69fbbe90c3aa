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

  .base {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    background: var(--_surface);
  }

  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) / 3);
  }
  label {
    font-weight: 600;
  }
  .hint,
  .muted {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
  }

  input,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.65em;
    inline-size: 100%;
    min-inline-size: 0;
  }
  textarea {
    min-block-size: 5em;
    resize: vertical;
  }
  input:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  summary:focus-visible,
  .listbox:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  button {
    font: inherit;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    padding: 0.45em 0.9em;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }

  .meters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .meter {
    display: grid;
    gap: 0.2em;
    flex: 1 1 10rem;
    font-variant-numeric: tabular-nums;
  }
  .meter meter,
  .progress progress {
    inline-size: 100%;
    block-size: 0.6em;
    accent-color: var(--_accent);
  }
  .meter[data-met] .meter-text::after {
    content: ' ✓';
    color: var(--_success);
  }

  .progress {
    display: grid;
    gap: 0.2em;
    font-size: 0.875em;
    color: var(--_muted);
  }

  .notice {
    margin: 0;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_border);
    border-radius: var(--_radius);
  }
  .notice[data-kind='error'] {
    border-color: var(--_danger);
  }
  .notice[data-kind='warning'],
  .notice[data-kind='infeasible'] {
    border-color: var(--_warning);
  }
  .notice[data-kind='success'] {
    border-color: var(--_success);
  }
  .notice button {
    margin-inline-start: 0.5em;
  }

  .list-label {
    font-weight: 600;
    margin: 0;
  }
  .listbox {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_row-gap);
    max-block-size: var(--_list-height);
    overflow: auto;
    overscroll-behavior: contain;
    padding: 2px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .listbox[aria-disabled='true'] {
    opacity: 0.6;
  }

  .option {
    content-visibility: auto;
    contain-intrinsic-size: auto 4.5em;
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.6em;
    row-gap: 0.15em;
    padding: 0.45em 0.6em;
    border-radius: var(--_radius);
    cursor: pointer;
    border: 1px solid transparent;
  }
  .option[aria-selected='true'] {
    background: var(--_selected);
    border-color: var(--_accent);
  }
  .option[aria-disabled='true'] {
    cursor: default;
  }
  .option[data-active] {
    outline: 2px dashed var(--_border);
    outline-offset: -2px;
  }
  .listbox:focus-visible .option[data-active],
  .listbox:focus .option[data-active] {
    outline: var(--_focus);
    outline-offset: -2px;
  }
  .check {
    grid-row: span 3;
    font-size: 1.1em;
    line-height: 1.4;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
    min-inline-size: 0;
  }
  .name .pick {
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.85em;
    margin-inline-start: 0.4em;
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2em 0.9em;
    font-size: 0.875em;
    min-inline-size: 0;
  }
  .status[data-status='available'] .icon {
    color: var(--_success);
  }
  .status[data-status='taken'] .icon,
  .status[data-status='invalid'] .icon,
  .status[data-status='error'] .icon {
    color: var(--_danger);
  }
  .status[data-status='premium'] .icon,
  .status[data-status='stale'] .icon {
    color: var(--_warning);
  }
  .price {
    font-variant-numeric: tabular-nums;
  }
  .caps,
  .age {
    color: var(--_muted);
  }
  .flag {
    color: var(--_warning);
    font-weight: 600;
  }

  .paste summary {
    cursor: pointer;
    font-weight: 600;
  }
  .paste-body {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) / 2);
    margin-block-start: calc(var(--_space) / 2);
  }

  .summary {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) / 2);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .summary-title {
    font-weight: 600;
    margin: 0;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
    margin: 0;
  }
  .totals div {
    display: grid;
  }
  .totals dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .totals dd {
    margin: 0;
    font-size: 1.15em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .review ul {
    margin: 0.25em 0;
    padding-inline-start: 1.2em;
  }

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
    .option[aria-selected='true'] {
      border-color: Highlight;
    }
  }
`;
