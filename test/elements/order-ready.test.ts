import { afterEach, describe, expect, it } from 'vitest';
import { OrderValidationError, PeekerError, buildOrderRequest, generateCandidates, solveSelection } from '@peeker/core';
import { PeekerErrorEvent, PeekerOrderReadyEvent } from '@peeker/elements';
import { expectNoAxeViolations, fakeRow, mount } from './fixtures.ts';

const REQUIRED = { google: 15, microsoft: 4 };
const ATTRS = { 'required-google': '15', 'required-microsoft': '4' };
const ORDER = {
  user: 'client@example.com',
  bundle_id: 'bun_01HZX0BU1A2B3C4D5E6F7G8H',
  forwarding_url: 'https://acme.com',
  personas: [{ first_name: 'Sam', last_name: 'Lee' }],
};
const SEQUENCER = { provider: 'smartlead' as const, client_id: 366903, login_email: 'ops@client.example', login_password: 'pw-123' };

afterEach(() => document.body.replaceChildren());

function collect<K extends 'peeker-order-ready' | 'peeker-error' | 'change'>(target: EventTarget, type: K): Event[] {
  const seen: Event[] = [];
  target.addEventListener(type, (e) => seen.push(e));
  return seen;
}

describe('<peeker-domain-picker>: confirming, re-checking and errors', () => {
  it('has no axe violations while reviewing a swap', async () => {
    const { element, harness, fake } = await mount(ATTRS);
    await harness.typeBrand('acme');
    await harness.press('fill');
    fake.taken.add(harness.selectedDomains()[0]!);
    await harness.press('confirm');
    expect(harness.reviewText()).not.toBe('');
    await expectNoAxeViolations(element);
  });

  it('peeker-order-ready carries a payload buildOrderRequest accepts once a sequencer is added', async () => {
    const { element, harness, fake } = await mount(ATTRS);
    // a host that wrongly passes secrets along: they are never copied
    element.order = { ...ORDER, sequencer: SEQUENCER } as typeof ORDER;
    const ready = collect(element, 'peeker-order-ready') as PeekerOrderReadyEvent[];
    await harness.typeBrand('acme');
    await harness.press('fill');
    const callsBefore = fake.calls.length;
    await harness.press('confirm');
    // the chosen names were re-checked (fresh) right before the event
    expect(fake.calls.slice(callsBefore).flat().sort()).toEqual(harness.selectedDomains());
    expect(ready).toHaveLength(1);
    const event = ready[0]!;
    expect(event).toBeInstanceOf(PeekerOrderReadyEvent);
    expect(event.cancelable && event.bubbles && event.composed).toBe(true);
    const { detail } = event;
    expect(detail.domains).toEqual(harness.selectedDomains());
    expect([...detail.google, ...detail.microsoft].sort()).toEqual(detail.domains);
    expect(detail.google).toHaveLength(15);
    expect(detail.microsoft).toHaveLength(4);
    for (const d of detail.microsoft) expect(fakeRow(d).usable_for).toContain('microsoft');
    const rows = detail.domains.map(fakeRow);
    const solved = solveSelection({ rows, required: REQUIRED, pinned: detail.domains });
    expect(solved.status === 'optimal' && solved.cost).toEqual(detail.cost);
    expect(detail.order).not.toBeNull();
    expect(JSON.stringify(detail)).not.toMatch(/sequencer|password/);

    const body = buildOrderRequest({ ...detail.order!, sequencer: SEQUENCER }, { required: REQUIRED, rows });
    expect(body.domains).toEqual(detail.domains);
    expect(body.user).toBe(ORDER.user);
    expect(body.personas).toEqual([{ first_name: 'Sam', last_name: 'Lee', profile_picture_url: '' }]);
    // the draft has buildOrderRequest's own draft shape
    expect(detail.order).toEqual(buildOrderRequest({ ...ORDER, domains: detail.domains }, { draft: true }));
    expect(harness.notices().join(' ')).toContain('Selection confirmed');
  });

  it('preventDefault on peeker-order-ready keeps the customer editing', async () => {
    const { element, harness } = await mount(ATTRS);
    element.addEventListener('peeker-order-ready', (e) => e.preventDefault());
    await harness.typeBrand('acme');
    await harness.press('fill');
    await harness.press('confirm');
    expect(harness.notices().join(' ')).not.toContain('Selection confirmed');
    expect(harness.button('confirm')!.disabled).toBe(false);
  });

  it('the fresh re-check swaps a name that turned taken, shows the new total and asks to confirm again', async () => {
    const { element, harness, fake } = await mount(ATTRS);
    const ready = collect(element, 'peeker-order-ready');
    const changes = collect(element, 'change');
    await harness.typeBrand('acme');
    await harness.press('fill');
    const before = harness.selectedDomains();
    const lost = before.find((d) => fakeRow(d).usable_for!.length === 2)!;
    fake.taken.add(lost);
    const changesBefore = changes.length;
    await harness.press('confirm');

    expect(ready).toHaveLength(0);
    expect(changes.length).toBe(changesBefore + 1);
    const after = harness.selectedDomains();
    expect(after).toHaveLength(19);
    expect(after).not.toContain(lost);
    const added = after.filter((d) => !before.includes(d));
    expect(added).toHaveLength(1);
    const review = harness.reviewText();
    expect(review).toContain(lost);
    expect(review).toContain(added[0]!);
    expect(review).toContain('Taken');
    expect(review).toContain(harness.total('first-year'));
    expect(harness.statusOf(lost)).toBe('taken');
    // the replacement is what the solver picks with the other names pinned (and the pattern cap)
    const patterns = new Map(generateCandidates({ brand: 'acme', limit: 400 }).map((c) => [c.domain, c.pattern]));
    const rows = harness.domains().map((d) => (fake.taken.has(d) ? { domain: d, available: false, reason: 'taken' } : fakeRow(d)));
    const kept = before.filter((d) => d !== lost);
    const resolved = solveSelection({
      rows,
      required: REQUIRED,
      pinned: kept,
      excluded: [lost],
      groupOf: (row) => patterns.get(row.domain) ?? row.domain,
      maxPerGroup: Math.ceil(19 / 3),
    });
    expect(resolved.status === 'optimal' && resolved.domains).toEqual(after);

    await harness.press('confirm-again');
    expect(ready).toHaveLength(1);
    expect((ready[0] as PeekerOrderReadyEvent).detail.domains).toEqual(after);
  });

  it('a price change at the re-check is shown and needs a second confirmation', async () => {
    const { element, harness, fake } = await mount(ATTRS);
    const ready = collect(element, 'peeker-order-ready');
    await harness.typeBrand('acme');
    await harness.press('fill');
    const name = harness.selectedDomains()[0]!;
    fake.overrides.set(name, { price_cents: 4200 });
    await harness.press('confirm');
    expect(ready).toHaveLength(0);
    expect(harness.reviewText()).toContain(`${name} now costs $42.00`);
    await harness.press('confirm-again');
    expect(ready).toHaveLength(1);
  });

  it('a bad order property becomes a peeker-error, not an order', async () => {
    const { element, harness } = await mount(ATTRS);
    element.order = { user: '', bundle_id: 'bundle-1', personas: [] };
    const ready = collect(element, 'peeker-order-ready');
    const errors = collect(element, 'peeker-error') as PeekerErrorEvent[];
    await harness.typeBrand('acme');
    await harness.press('fill');
    await harness.press('confirm');
    expect(ready).toHaveLength(0);
    expect(errors).toHaveLength(1);
    const error = errors[0]!.detail.error;
    expect(error).toBeInstanceOf(OrderValidationError);
    expect((error as OrderValidationError).issues.map((i) => i.path)).toEqual(['user', 'bundle_id', 'personas']);
  });

  it('a failed batch fires peeker-error, shows a retry, and retrying keeps every row already checked', async () => {
    const { element, harness, fake } = await mount(ATTRS);
    const errors = collect(element, 'peeker-error') as PeekerErrorEvent[];
    // the second batch (7 names) fails for good with a non-retryable error
    fake.failWhen = (domains) =>
      domains.length < 50 ? new PeekerError('unauthorized', 'Key revoked', { retryable: false }) : null;
    await harness.typeBrand('acme');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.detail.error.message).toBe('Key revoked');
    const failed = harness.domains().filter((d) => harness.statusOf(d) === 'error');
    expect(failed).toHaveLength(7);
    expect(harness.statusText(failed[0]!)).toContain('Could not check');
    expect(harness.notices().join(' ')).toContain('7 names could not be checked');
    const firstBatch = harness.domains().filter((d) => !failed.includes(d));
    const statuses = firstBatch.map((d) => harness.statusOf(d));

    fake.failWhen = null;
    const callsBefore = fake.calls.length;
    await harness.press('retry');
    expect(fake.calls.slice(callsBefore).flat().sort()).toEqual([...failed].sort());
    expect(firstBatch.map((d) => harness.statusOf(d))).toEqual(statuses);
    expect(harness.domains().every((d) => harness.statusOf(d) !== 'error')).toBe(true);
    expect(harness.notices().join(' ')).not.toContain('could not be checked');
  });

  it('stale answers are shown as such and asked again on retry', async () => {
    const { harness, fake } = await mount(ATTRS);
    fake.overrides.set('acmeco.com', { available: false, reason: 'stale', price_cents: undefined, usable_for: undefined });
    await harness.typeBrand('acme');
    expect(harness.statusOf('acmeco.com')).toBe('stale');
    expect(harness.statusText('acmeco.com')).toContain('Out of date');
    fake.overrides.delete('acmeco.com');
    const callsBefore = fake.calls.length;
    await harness.press('retry');
    expect(fake.calls.slice(callsBefore).flat()).toEqual(['acmeco.com']);
    expect(harness.statusOf('acmeco.com')).toBe(fakeRow('acmeco.com').available ? 'available' : 'taken');
  });

  it('without endpoint or transport it says so instead of checking', async () => {
    const { element, harness } = await mount(ATTRS);
    element.checkAvailability = null;
    await harness.typeBrand('acme');
    expect(harness.notices().join(' ')).toContain('No availability endpoint');
    expect(harness.domains()).toEqual([]);
  });

  it('downloads the selection as CSV and the order as JSON', async () => {
    const { element, harness } = await mount(ATTRS);
    element.order = ORDER;
    await harness.typeBrand('acme');
    await harness.press('fill');
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return original.call(URL, blob);
    };
    try {
      await harness.press('csv');
      await harness.press('json');
    } finally {
      URL.createObjectURL = original;
    }
    const csv = await blobs[0]!.text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('domain,provider,usable_for,first_year_price,renewal_price,currency,checked_at,domain_unicode');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(harness.selectedDomains());
    // the Unicode form people read, last (ASCII names read the same)
    expect(lines.slice(1).map((l) => l.split(',').at(-1))).toEqual(harness.selectedDomains());
    const first = fakeRow(harness.selectedDomains()[0]!);
    expect(lines[1]!.split(',')[3]).toBe((first.price_cents! / 100).toFixed(2));
    const json = JSON.parse(await blobs[1]!.text());
    expect(json.order.domains).toEqual(harness.selectedDomains());
    expect(json.order.bundle_id).toBe(ORDER.bundle_id);
    expect(JSON.stringify(json)).not.toMatch(/sequencer|password/);
  });
});
