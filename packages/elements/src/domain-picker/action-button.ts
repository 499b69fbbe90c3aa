import { html, nothing, type TemplateResult } from 'lit';

/**
 * One action button of `<peeker-domain-picker>` (every button of the element is one of
 * these; the testing harness finds them by `data-action`). Internal.
 * @param action - the `data-action` name
 * @param label - the visible text
 * @param disabled - whether it is disabled
 * @param onClick - what a press does
 * @param primary - styled as the main action
 * @param busy - announced as unavailable (`aria-disabled`) but kept focusable, so focus does
 *   not drop to the page while it waits
 * @returns the button
 */
export function actionButton(
  action: string,
  label: string,
  disabled: boolean,
  onClick: () => void,
  primary = false,
  busy = false,
): TemplateResult {
  return html`<button part="button" class=${primary ? 'primary' : nothing} type="button" data-action=${action}
    ?disabled=${disabled} aria-disabled=${busy ? 'true' : nothing} @click=${onClick}>${label}</button>`;
}
