import { css } from 'lit';

/**
 * Styles of `<peeker-order-status>`; its theme tokens (the same `--peeker-*` custom properties
 * as the picker, light and dark) come from internal/theme-tokens.ts.
 */
export default css`
  .base {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .headline { margin: 0; font-weight: 600; }
  .headline[data-state='completed'] { color: var(--_success); }
  .headline[data-state='failed'] { color: var(--_danger); }
  .headline[data-state='attention'] { color: var(--_warning); }
  .progress { display: grid; gap: 0.25rem; }
  progress { inline-size: 100%; block-size: 0.75rem; accent-color: var(--_accent); }
  .timeline { margin: 0; padding-inline-start: 1.25rem; max-block-size: 14rem; overflow: auto; color: var(--_muted); }
  .timeline li { overflow-wrap: anywhere; }
  .connection { margin: 0; color: var(--_muted); font-size: 0.9em; }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
