import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { generateCandidates, isOrderable, solveSelection } from '@peeker/core';
import type { AvailabilityRow } from '@peeker/core';
import { PeekerDomainPicker, defaultMessages } from '@peeker/elements';
import { expectNoAxeViolations, fakeRow, mount, type Mounted } from './fixtures.ts';

const REQUIRED = { google: 15, microsoft: 4 };
const REQUIRED_ATTRS = { 'required-google': '15', 'required-microsoft': '4' };

/** The rows the fake answered for the names the element shows. */
function rowsOf(domains: readonly string[]): AvailabilityRow[] {
  return domains.map(fakeRow);
}

const acmePatterns = new Map(generateCandidates({ brand: 'acme', limit: 400 }).map((c) => [c.domain, c.pattern]));
function patternOf(domain: string): string {
  return acmePatterns.get(domain) ?? `own:${domain}`;
}

afterEach(() => document.body.replaceChildren());

describe('<peeker-domain-picker>: ideas, filling and display', () => {
  let m: Mounted;
  beforeEach(async () => {
    m = await mount(REQUIRED_ATTRS);
  });

  it('has no axe violations, empty and with rows, a selection and a notice', async () => {
    await expectNoAxeViolations(m.element);
    await m.harness.typeBrand('acme');
    await m.harness.toggle(m.harness.availableDomains()[0]!);
    await expectNoAxeViolations(m.element);
    await m.harness.press('fill');
    await expectNoAxeViolations(m.element);
  });

  it('typing a brand fills the list with checked ideas, best first, 3× the requirement', async () => {
    await m.harness.typeBrand('acme');
    const shown = m.harness.domains();
    const ideas = generateCandidates({ brand: 'acme', limit: shown.length }).map((c) => c.domain);
    expect(shown).toEqual(ideas);
    expect(shown.length).toBe(3 * (REQUIRED.google + REQUIRED.microsoft));
    for (const domain of shown) {
      const row = fakeRow(domain);
      const expected = isOrderable(row) ? 'available' : row.premium ? 'premium' : 'taken';
      expect(m.harness.statusOf(domain), domain).toBe(expected);
    }
    expect(m.fake.calls.flat().sort()).toEqual([...shown].sort());
    expect(m.harness.announcement()).toMatch(/of 57 checked names available; Google 0 of 15, Microsoft 0 of 4/);
  });

  it('every row says its status in text and icon, with prices, capability and age', async () => {
    await m.harness.typeBrand('acme');
    const available = m.harness.availableDomains()[0]!;
    const option = m.harness.option(available)!;
    const row = fakeRow(available);
    expect(m.harness.statusText(available)).toContain('Available');
    expect(option.querySelector('[part="status"] .icon')?.getAttribute('aria-hidden')).toBe('true');
    const price = option.querySelector('[part="price"]')!.textContent!;
    expect(price).toContain(`$${(row.price_cents! / 100).toFixed(2)}`);
    expect(price).toContain(`$${(row.renewal_price_cents! / 100).toFixed(2)}`);
    expect(option.querySelector('.caps')!.textContent).toMatch(/Google/);
    expect(option.querySelector('.age')!.textContent).toMatch(/^checked /);
    const taken = m.harness.domains().find((d) => m.harness.statusOf(d) === 'taken')!;
    expect(m.harness.statusText(taken)).toContain('Taken');
    expect(m.harness.option(taken)!.getAttribute('aria-disabled')).toBe('true');
  });

  it('typing is debounced: only the settled brand is checked', async () => {
    m.element.debounce = 300;
    m.harness.input.focus();
    await userEvent.keyboard('acm');
    await userEvent.keyboard('e');
    expect(m.fake.calls).toEqual([]);
    await m.harness.settle();
    expect(m.fake.calls.flat().every((d) => d.includes('acme'))).toBe(true);
    expect(m.harness.domains().length).toBe(57);
  });

  it('a new brand aborts the run in flight through the task signal', async () => {
    const aborted: string[][] = [];
    const inner = m.fake.transport;
    m.element.checkAvailability = async (domains, { signal }) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      if (signal.aborted) {
        aborted.push([...domains]);
        throw signal.reason;
      }
      return inner(domains, { signal });
    };
    m.element.brand = 'acme';
    await new Promise((resolve) => setTimeout(resolve, 5));
    m.element.brand = 'zenith';
    await m.harness.settle();
    expect(aborted.flat().some((d) => d.includes('acme'))).toBe(true);
    expect(m.harness.domains().every((d) => d.includes('zenith'))).toBe(true);
    expect(m.harness.domains().every((d) => m.harness.statusOf(d) !== 'checking')).toBe(true);
  });

  it('a new brand aborts and replaces the old ideas', async () => {
    await m.harness.typeBrand('acme');
    await m.harness.typeBrand('zenith');
    expect(m.harness.domains().every((d) => d.includes('zenith'))).toBe(true);
  });

  it('rows reused for a new brand show their own name, with a break after each dot and hyphen', async () => {
    await m.harness.typeBrand('acme');
    await m.harness.typeBrand('zenith');
    const options = m.harness.options();
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) {
      const domain = option.dataset.domain!;
      const name = option.querySelector('.name')!;
      expect(name.textContent, domain).toBe(domain);
      const breaks = [...name.querySelectorAll('wbr')].map((wbr) => wbr.previousSibling?.textContent?.slice(-1));
      expect(breaks, domain).toEqual([...domain.slice(0, -1)].filter((c) => c === '.' || c === '-'));
    }
  });

  it('still renders while checking where no animation frame ever runs (a hidden tab)', async () => {
    const frames = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    // the two batches (50 + 7 names) land 50 ms apart: the list renders more than once while checking
    const answer = m.fake.transport;
    let calls = 0;
    m.element.checkAvailability = async (domains, options) => {
      await new Promise((resolve) => setTimeout(resolve, 50 * calls++));
      return answer(domains, options);
    };
    try {
      await m.harness.typeBrand('acme');
      expect(m.harness.domains().length).toBe(3 * (REQUIRED.google + REQUIRED.microsoft));
      expect(m.harness.domains().filter((d) => m.harness.statusOf(d) === 'checking')).toEqual([]);
    } finally {
      frames.mockRestore();
    }
  });

  it('Fill cheapest without a diversity cap picks exactly what solveSelection picks', async () => {
    m.element.maxPerPattern = 0;
    await m.harness.typeBrand('acme');
    await m.harness.press('fill');
    const expected = solveSelection({ rows: rowsOf(m.harness.domains()), required: REQUIRED });
    expect(expected.status).toBe('optimal');
    if (expected.status !== 'optimal') return;
    expect(m.harness.selectedDomains()).toEqual(expected.domains);
    expect(m.element.value).toEqual(expected.domains);
    expect(m.harness.meterText('google')).toBe('Google 15 / 15');
    expect(m.harness.meterText('microsoft')).toBe('Microsoft 4 / 4');
    expect(m.harness.total('first-year')).toBe(`$${(expected.cost.first_year_cents / 100).toFixed(2)}`);
    expect(m.harness.total('renewal')).toBe(`$${(expected.cost.renewal_cents / 100).toFixed(2)}`);
  });

  it('Fill cheapest caps each pattern family at a third of the order and stays optimal under that cap', async () => {
    await m.harness.typeBrand('acme');
    await m.harness.press('fill');
    const chosen = m.harness.selectedDomains();
    expect(chosen).toHaveLength(19);
    const cap = Math.ceil(19 / 3);
    const counts = new Map<string, number>();
    for (const d of chosen) counts.set(patternOf(d), (counts.get(patternOf(d)) ?? 0) + 1);
    for (const count of counts.values()) expect(count).toBeLessThanOrEqual(cap);
    const rows = rowsOf(m.harness.domains());
    const capped = solveSelection({ rows, required: REQUIRED, groupOf: (r) => patternOf(r.domain), maxPerGroup: cap });
    expect(capped.status).toBe('optimal');
    if (capped.status !== 'optimal') return;
    expect(chosen).toEqual(capped.domains);
    // the selection is valid: pinning all of it is feasible
    expect(solveSelection({ rows, required: REQUIRED, pinned: chosen }).status).toBe('optimal');
  });

  it('a cap that makes the order impossible is relaxed, and the customer is told', async () => {
    m.element.maxPerPattern = 1;
    await m.harness.typeBrand('acme');
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).toHaveLength(19);
    expect(m.harness.notices().join(' ')).toContain(defaultMessages.diversityRelaxed);
  });

  it('manual picks survive a refill', async () => {
    m.element.maxPerPattern = 0;
    await m.harness.typeBrand('acme');
    const rows = rowsOf(m.harness.domains());
    const cheapest = solveSelection({ rows, required: REQUIRED });
    if (cheapest.status !== 'optimal') throw new Error('fixture must be feasible');
    // the most expensive dual-capable name the solver would never choose on its own
    const pick = rows
      .filter((r) => isOrderable(r) && r.usable_for!.length === 2 && !cheapest.domains.includes(r.domain))
      .sort((a, b) => b.price_cents! - a.price_cents!)[0]!.domain;
    await m.harness.toggle(pick);
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).toContain(pick);
    expect(m.harness.selectedDomains()).toHaveLength(19);
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).toContain(pick);
    const pinned = solveSelection({ rows, required: REQUIRED, pinned: [pick] });
    expect(pinned.status === 'optimal' && pinned.domains).toEqual(m.harness.selectedDomains());
    expect(m.harness.option(pick)!.textContent).toContain(defaultMessages.pickedByHand);
  });

  it('names the customer removes are not brought back by a refill', async () => {
    await m.harness.typeBrand('acme');
    await m.harness.press('fill');
    const dropped = m.harness.selectedDomains()[0]!;
    await m.harness.toggle(dropped);
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).not.toContain(dropped);
    expect(m.harness.selectedDomains()).toHaveLength(19);
  });

  it('flags Google-only rows only once Google is full and Microsoft slots are open; calm otherwise', async () => {
    await m.harness.typeBrand('acme'); // 57 ideas for 15 + 4; then a small order over them
    m.element.requiredGoogle = 2;
    m.element.requiredMicrosoft = 1;
    await m.harness.settle();
    const googleOnly = m.harness
      .availableDomains()
      .filter((d) => fakeRow(d).usable_for?.length === 1);
    expect(googleOnly.length).toBeGreaterThan(2);
    // Google slots open: a Google-only name still helps, so it just says what it is
    for (const d of googleOnly) expect(m.harness.isGoogleOnlyFlagged(d), d).toBe(false);
    expect(m.harness.option(googleOnly[0]!)!.querySelector('.caps')!.textContent).toBe('Google only');
    for (const d of googleOnly.slice(0, 2)) await m.harness.toggle(d);
    expect(m.harness.meterText('google')).toBe('Google 2 / 2');
    // Google full, Microsoft open: the others cannot help now, and say so once
    const rest = googleOnly.slice(2);
    for (const d of rest) expect(m.harness.isGoogleOnlyFlagged(d), d).toBe(true);
    const text = m.harness.option(rest[0]!)!.textContent!.replace(/\s+/g, ' ');
    expect(text.match(/Google only/g)).toHaveLength(1);
    expect(text).toContain(defaultMessages.googleOnlyFlag);
    const dual = m.harness.availableDomains().filter((d) => fakeRow(d).usable_for?.length === 2);
    for (const d of dual) expect(m.harness.isGoogleOnlyFlagged(d)).toBe(false);
    await m.harness.toggle(dual[0]!);
    expect(m.harness.meterText('microsoft')).toBe('Microsoft 1 / 1');
    for (const d of googleOnly) expect(m.harness.isGoogleOnlyFlagged(d)).toBe(false);
  });

  it('says exactly what is missing when the requirement cannot be met, after trying every idea', async () => {
    // nothing is Microsoft-capable, and a small idea pool (.com only, no hyphens)
    m.fake.rowFor = (domain) => {
      const row = fakeRow(domain);
      return row.available ? { ...row, usable_for: ['google'] } : row;
    };
    m.element.setAttribute('tlds', 'com');
    m.element.noHyphens = true;
    await m.harness.typeBrand('acme');
    const pool = generateCandidates({ brand: 'acme', tlds: ['com'], hyphens: false, limit: Infinity });
    expect(m.harness.domains()).toHaveLength(pool.length);
    const rows = rowsOf(m.harness.domains()).map((r) => (r.available ? { ...r, usable_for: ['google' as const] } : r));
    const expected = solveSelection({ rows, required: REQUIRED });
    expect(expected.status).toBe('infeasible');
    if (expected.status !== 'infeasible') return;
    expect(m.harness.notices().join(' ')).toContain(defaultMessages.shortfall(expected.shortfall));
    expect(m.harness.notices().join(' ')).toContain(defaultMessages.ideasExhausted);
    expect(m.element.matches(':state(infeasible)')).toBe(true);
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).toEqual([]);
    expect(m.harness.notices().join(' ')).toContain(defaultMessages.shortfall(expected.shortfall));
  });

  it('fetches more ideas automatically while the requirement cannot be met', async () => {
    // every other name is taken: 57 ideas are not enough for 19 domains
    m.fake.overrides.clear();
    const all = generateCandidates({ brand: 'acme', limit: 400 }).map((c) => c.domain);
    all.forEach((d, i) => {
      if (i % 3 !== 0) m.fake.taken.add(d);
    });
    await m.harness.typeBrand('acme');
    expect(m.harness.domains().length).toBeGreaterThan(57);
    expect(m.harness.availableDomains().length).toBeGreaterThanOrEqual(19);
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).toHaveLength(19);
  });

  it('checks a pasted list and reports entries that are not names', async () => {
    await m.harness.pasteList('Mine-Acme.com, https://www.example.org/x\nnot_a_domain!, acmemine.net');
    expect(m.harness.domains()).toEqual(expect.arrayContaining(['mine-acme.com', 'acmemine.net']));
    expect(m.harness.statusOf('mine-acme.com')).not.toBe('checking');
    expect(m.harness.notices().join(' ')).toContain('not_a_domain!');
  });

  it('renders markup from the transport as text', async () => {
    const evil = '<img src=x onerror="window.__peekerPwned=1"><b>bold</b>';
    m.fake.overrides.set('acmeapp.com', { available: false, reason: 'invalid', message: evil });
    m.fake.overrides.set('acmeco.com', { currency: '<i>usd</i>' });
    await m.harness.typeBrand('acme');
    const invalid = m.harness.option('acmeapp.com')!;
    expect(invalid.textContent).toContain('<b>bold</b>');
    expect(m.harness.root.querySelector('img, b, i, script')).toBeNull();
    expect((window as { __peekerPwned?: number }).__peekerPwned).toBeUndefined();
    expect(m.harness.option('acmeco.com')!.textContent).toContain('<I>USD</I>');
  });

  it('messages override the English text, including functions', async () => {
    m.element.messages = {
      fillCheapest: 'Günstigste wählen',
      googleMeter: (have, need) => `Google ${have} von ${need}`,
      statusTaken: 'Vergeben',
    };
    await m.harness.typeBrand('acme');
    expect(m.harness.button('fill')!.textContent!.trim()).toBe('Günstigste wählen');
    expect(m.harness.meterText('google')).toBe('Google 0 von 15');
    expect(m.harness.meterText('microsoft')).toBe('Microsoft 0 / 4');
    const taken = m.harness.domains().find((d) => m.harness.statusOf(d) === 'taken')!;
    expect(m.harness.statusText(taken)).toContain('Vergeben');
  });

  it('fits 360 px: long names wrap at dots and hyphens, nothing scrolls sideways', async () => {
    m.element.style.width = '360px';
    const long = 'averyverylongbrandnamethatkeeps-goingandgoingandgoingandgoing.com';
    await m.harness.pasteList(long);
    await m.harness.typeBrand('acme');
    await m.harness.press('fill');
    const base = m.harness.root.querySelector<HTMLElement>('[part="base"]')!;
    expect(base.scrollWidth).toBeLessThanOrEqual(360);
    const option = m.harness.option(long)!;
    option.scrollIntoView();
    expect(option.scrollWidth).toBeLessThanOrEqual(option.clientWidth);
    expect(option.querySelectorAll('.name wbr').length).toBe(2);
    const oneLine = m.harness.option('acmeco.com')!.querySelector('.name')!.getBoundingClientRect().height;
    expect(option.querySelector('.name')!.getBoundingClientRect().height).toBeGreaterThan(oneLine * 1.5);
  });

  it('formats prices for the locale and upper-cases the currency', async () => {
    m.element.locale = 'de-DE';
    await m.harness.typeBrand('acme');
    const d = m.harness.availableDomains()[0]!;
    const expected = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD' }).format(fakeRow(d).price_cents! / 100);
    expect(m.harness.option(d)!.querySelector('[part="price"]')!.textContent).toContain(expected);
    // without locale, the nearest lang attribute decides
    m.element.locale = '';
    m.element.setAttribute('lang', 'fr-FR');
    await m.harness.settle();
    const french = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'USD' }).format(fakeRow(d).price_cents! / 100);
    expect(m.harness.option(d)!.querySelector('[part="price"]')!.textContent).toContain(french);
  });

  it('fires change on customer actions only, never on programmatic sets', async () => {
    let changes = 0;
    m.element.addEventListener('change', () => (changes += 1));
    await m.harness.typeBrand('acme');
    const [a, b] = m.harness.availableDomains();
    m.element.value = [a!, b!];
    await m.harness.settle();
    expect(m.harness.selectedDomains()).toEqual([a, b].sort());
    m.element.fillCheapest();
    await m.harness.settle();
    expect(m.harness.selectedDomains()).toHaveLength(19);
    m.element.requiredGoogle = 16;
    await m.harness.settle();
    expect(changes).toBe(0);
    await m.harness.press('fill');
    expect(changes).toBe(1);
    await m.harness.toggle(m.harness.selectedDomains()[0]!);
    expect(changes).toBe(2);
    await m.harness.press('clear');
    expect(changes).toBe(3);
    expect(m.element.value).toEqual([]);
  });

  it('the change event bubbles out of the shadow root and is composed', async () => {
    await m.harness.typeBrand('acme');
    const seen: Event[] = [];
    document.body.addEventListener('change', (e) => seen.push(e), { once: true });
    await m.harness.toggle(m.harness.availableDomains()[0]!);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.bubbles && seen[0]!.composed).toBe(true);
    expect(seen[0]!.target).toBe(m.element);
  });

  it('exposes custom states and reflects disabled', async () => {
    expect(m.element.matches(':state(empty)')).toBe(true);
    await m.harness.typeBrand('acme');
    expect(m.element.matches(':state(empty)')).toBe(false);
    expect(m.element.matches(':state(pending)')).toBe(false);
    await m.harness.press('fill');
    expect(m.element.matches(':state(complete)')).toBe(true);
    m.element.disabled = true;
    await m.harness.settle();
    expect(m.element.hasAttribute('disabled')).toBe(true);
    expect(m.harness.input.disabled).toBe(true);
    expect(m.harness.button('fill')!.disabled).toBe(true);
    const before = m.harness.selectedDomains();
    m.harness.option(before[0]!)!.click();
    await m.harness.settle();
    expect(m.harness.selectedDomains()).toEqual(before);
  });

  it('a bundle’s required_domains wins over the attributes', async () => {
    m.element.bundle = { required_domains: { google: 2, microsoft: 1, total: 3 } };
    await m.harness.typeBrand('acme');
    expect(m.harness.meterText('google')).toBe('Google 0 / 2');
    // 3 × 3 names (at least 12) first; more while no 3 names of 3 naming patterns are available (the cap is ⌈3/3⌉ = 1)
    expect(m.harness.domains().length).toBeGreaterThanOrEqual(12);
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).toHaveLength(3);
  });

  it('has no property that could hold a secret', () => {
    const names = Object.getOwnPropertyNames(PeekerDomainPicker.prototype).concat(
      [...(PeekerDomainPicker as unknown as { elementProperties: Map<string, unknown> }).elementProperties.keys()].map(String),
    );
    expect(names.filter((n) => /key|password|secret|token|sequencer/i.test(n))).toEqual([]);
  });

  it('loading the define module twice is harmless', async () => {
    const before = customElements.get('peeker-domain-picker');
    // a second copy of the module (as two bundles would load it)
    const copy = new URL('../../packages/elements/src/define/peeker-domain-picker.ts?second-copy', import.meta.url).href;
    const second: { PeekerDomainPicker: unknown } = await import(/* @vite-ignore */ copy);
    expect(second.PeekerDomainPicker).toBe(PeekerDomainPicker);
    expect(customElements.get('peeker-domain-picker')).toBe(before);
    expect(document.createElement('peeker-domain-picker')).toBeInstanceOf(PeekerDomainPicker);
  });
});
