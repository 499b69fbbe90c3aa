import { css } from 'lit';

/**
 * Styles of `<peeker-order-status>`: the same `--peeker-*` custom properties as the picker,
 * read once into private `--_*` variables, with light and dark defaults.
 */
export default css`
  :host {
    color-scheme: light dark;
    --_font: var(--peeker-font-family, inherit);
    --_font-size: var(--peeker-font-size, 1rem);
    --_text: var(--peeker-text-color, light-dark(#1f2328, #e6edf3));
    --_muted: var(--peeker-muted-color, light-dark(#57606a, #9ea7b3));
    --_surface: var(--peeker-surface-color, light-dark(#ffffff, #161b22));
    --_border: var(--peeker-border-color, light-dark(#8c959f, #6e7681));
    --_accent: var(--peeker-accent-color, light-dark(#0b57d0, #8ab4f8));
    --_success: var(--peeker-success-color, light-dark(#1a7f37, #3fb950));
    --_danger: var(--peeker-danger-color, light-dark(#b3261e, #ff7b72));
    --_warning: var(--peeker-warning-color, light-dark(#8a4b00, #d29922));
    --_radius: var(--peeker-radius, 6px);
    --_space: var(--peeker-space, 0.75rem);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }
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
