import { html } from 'lit';
import type { PeekerMessages } from '../messages.ts';
import { actionButton } from './action-button.ts';

/**
 * "Check your own names": a disclosure button (with `aria-expanded`) and the named group it
 * opens, holding the paste box and its "Check list" button. Internal.
 * @param input - messages, state and handlers
 * @returns the disclosure
 */
export function renderPasteBox(input: {
  m: PeekerMessages;
  open: boolean;
  locked: boolean;
  onToggle: () => void;
  onCheck: () => void;
}) {
  const { m, open, locked } = input;
  return html`<div class="paste">
    <button part="button" type="button" class="disclosure" data-action="paste-toggle" aria-expanded=${String(open)}
      aria-controls="paste-body" id="paste-toggle" @click=${input.onToggle}><span
      class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span> ${m.pasteLabel}</button>
    <div class="paste-body" id="paste-body" role="group" aria-labelledby="paste-toggle" ?hidden=${!open}>
      <label for="paste" class="visually-hidden">${m.pasteLabel}</label>
      <textarea id="paste" part="input" aria-describedby="paste-hint" ?disabled=${locked}></textarea>
      <p id="paste-hint" class="hint">${m.pasteHint}</p>
      <div class="actions">${actionButton('check-list', m.checkList, locked, input.onCheck)}</div>
    </div>
  </div>`;
}
