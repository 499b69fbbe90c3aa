// A partner's TypeScript file, type-checked against the published .d.ts files only.
import {
  estimateRequiredDomains,
  generateCandidates,
  PeekerError,
  solveSelection,
  type AvailabilityRow,
  type SelectionResult,
} from '@peeker/core';
import { createAvailabilityHandler, createPeekerClient, createWebhookHandler, type PeekerClient } from '@peeker/core/server';
import { checkSelection, selectionProblemArbitrary, type SelectionViolation } from '@peeker/core/testing';
import { PeekerDomainPicker } from '@peeker/elements';
import '@peeker/elements/define/peeker-domain-picker.js';
import { PeekerOrderReadyEvent } from '@peeker/elements/events';
import { DomainPickerHarness } from '@peeker/elements/testing';
import fc from 'fast-check';

// core
const rows: AvailabilityRow[] = [
  { domain: 'getacme.com', available: true, premium: false, price_cents: 1300, renewal_price_cents: 1500, currency: 'usd', usable_for: ['google', 'microsoft'] },
];
const result: SelectionResult = solveSelection({ rows, required: { google: 1, microsoft: 0 }, years: 2 });
if (result.status === 'optimal') {
  const cents: number = result.cost.total_cents;
  void cents;
} else {
  const message: string = result.message;
  void message;
}
const total: number = estimateRequiredDomains({ monthly_sending_volume: 25_000 }).total;
const names: string[] = generateCandidates({ brand: 'acme', limit: 10 }).map((c) => c.domain);
void total;
void names;
const e: unknown = new Error('x');
if (PeekerError.is(e)) {
  const code: string = e.code;
  void code;
}
// @ts-expect-error required counts are numbers
solveSelection({ rows, required: { google: '1', microsoft: 0 } });

// server
const client: PeekerClient = createPeekerClient({ apiKey: 'pk_test_x', baseUrl: 'http://127.0.0.1:1/partner/v1' });
const availability = createAvailabilityHandler({ client, maxDomains: 100 });
const webhooks = createWebhookHandler({ secret: 'whsec', onEvent: (event) => void event.type });
const handlers: Array<(request: Request) => Promise<Response>> = [availability.fetch, (r) => webhooks.fetch(r)];
void handlers;
// @ts-expect-error apiKey is required
createPeekerClient({});

// testing
fc.assert(
  fc.property(selectionProblemArbitrary(), (problem) => {
    const violations: SelectionViolation[] = checkSelection(problem, solveSelection(problem));
    return violations.length === 0;
  }),
  { numRuns: 1 },
);

// elements
const picker = document.createElement('peeker-domain-picker');
const typed: PeekerDomainPicker = picker; // HTMLElementTagNameMap augmentation
typed.requiredGoogle = 15;
typed.endpoint = '/api/peeker/availability';
const chosen: string[] = typed.value;
void chosen;
picker.addEventListener('peeker-order-ready', (event) => {
  const ready: PeekerOrderReadyEvent = event; // GlobalEventHandlersEventMap augmentation
  const domains: readonly string[] = ready.detail.domains;
  void domains;
});
// @ts-expect-error requiredGoogle is a number
typed.requiredGoogle = 'fifteen';
const harness = new DomainPickerHarness(typed);
void harness;
