import { css } from 'lit';

/**
 * The theme both elements share: the public `--peeker-*` custom properties read once into
 * private `--_*` variables on `:host`, with light and dark defaults through `light-dark()`
 * (the host's `color-scheme: light dark` follows `prefers-color-scheme`; a page without a dark
 * theme pins light with `<element> { color-scheme: light }`). Each element's own styles add
 * the tokens only it uses.
 */
export const themeTokens = css`
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
`;
