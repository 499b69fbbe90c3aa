/**
 * Shared fixtures of the element suites: a deterministic in-test availability transport and
 * a mount helper. Not a test file (no `.test.ts`), imported by the suites.
 */
import axe from 'axe-core';
import { expect } from 'vitest';
import type { AvailabilityRow, AvailabilityTransport } from '@peeker/core';
import { PeekerDomainPicker } from '@peeker/elements';
import '@peeker/elements/define/peeker-domain-picker.js';
import { DomainPickerHarness } from '@peeker/elements/testing';
import { fakeRow } from './fake-row.ts';

// The answers live in fake-row.ts so the Node side of the order-backend command shares them.
export { fakeRow };

/** A fake transport plus knobs the tests turn. */
export interface FakeTransport {
  transport: AvailabilityTransport;
  /** Every call, in order. */
  calls: string[][];
  /** Names answered `taken` from now on. */
  taken: Set<string>;
  /** Per-name replacements of the default answer. */
  overrides: Map<string, Partial<AvailabilityRow>>;
  /** The default answer for a name. @default fakeRow */
  rowFor: (domain: string) => AvailabilityRow;
  /** When set, a call for which it returns an error rejects with it. */
  failWhen: ((domains: readonly string[]) => Error | null) | null;
}

/**
 * @returns a deterministic transport that answers every name with {@link fakeRow}
 */
export function createFakeTransport(): FakeTransport {
  const fake: FakeTransport = {
    calls: [],
    taken: new Set(),
    overrides: new Map(),
    failWhen: null,
    rowFor: fakeRow,
    transport: async (domains, { signal }) => {
      signal.throwIfAborted();
      fake.calls.push([...domains]);
      const failure = fake.failWhen?.(domains) ?? null;
      if (failure) throw failure;
      await Promise.resolve();
      return domains.map((domain) => {
        if (fake.taken.has(domain)) return { domain, available: false, premium: false, reason: 'taken' };
        return { ...fake.rowFor(domain), ...fake.overrides.get(domain) };
      });
    },
  };
  return fake;
}

/** What {@link mount} gives back. */
export interface Mounted {
  element: PeekerDomainPicker;
  harness: DomainPickerHarness;
  fake: FakeTransport;
}

/**
 * Creates a `<peeker-domain-picker>` with a fake transport and no typing delay, appends it
 * (to `parent` or the body) and waits for the first render.
 * @param attributes - attributes to set before connecting
 * @param parent - where to append
 * @returns the element, its harness and the fake
 */
export async function mount(
  attributes: Record<string, string> = {},
  parent: HTMLElement = document.body,
): Promise<Mounted> {
  const element = document.createElement('peeker-domain-picker');
  element.setAttribute('debounce', '0');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  const fake = createFakeTransport();
  element.checkAvailability = fake.transport;
  parent.append(element);
  await element.updateComplete;
  return { element, harness: new DomainPickerHarness(element), fake };
}

/**
 * Runs axe-core on the element (shadow DOM included) and fails on any violation.
 * @param element - the element to audit
 */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}
