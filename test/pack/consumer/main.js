// The page's only script: register the element from the published define module.
import '@peeker/elements/define/peeker-domain-picker.js';
import { PeekerErrorEvent } from '@peeker/elements/events';

window.__changes = 0;
const picker = document.querySelector('peeker-domain-picker');
picker.addEventListener('change', () => (window.__changes += 1));
picker.addEventListener(PeekerErrorEvent.eventName, (event) => console.error('peeker-error', event.detail.error));
