import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { AvailabilityRow } from '@peeker/core';
import { defaultMessages } from '@peeker/elements';
import { expectNoAxeViolations, mount, type Mounted } from './fixtures.ts';

afterEach(() => document.body.replaceChildren());

/** Teaser names: cheap first year, dear renewals. Plain names: the same price every year. */
const TEASERS = ['teaser1.com', 'teaser2.com', 'teaser3.com'];
const PLAIN = ['plain1.com', 'plain2.com', 'plain3.com'];

function priced(domain: string, first: number, renewal: number, usable: AvailabilityRow['usable_for']): AvailabilityRow {
  return { domain, available: true, premium: false, price_cents: first, renewal_price_cents: renewal, currency: 'usd', usable_for: usable };
}

/** Mounts a 2 Google + 1 Microsoft order over the six names above, checked through the paste box. */
async function mountPriced(years: number): Promise<Mounted> {
  const m = await mount({ 'required-google': '2', 'required-microsoft': '1', years: String(years) });
  m.fake.rowFor = (domain) =>
    TEASERS.includes(domain)
      ? priced(domain, 100, 3000, ['google', 'microsoft'])
      : priced(domain, 1000, 1000, domain === 'plain1.com' ? ['google', 'microsoft'] : ['google']);
  await m.harness.pasteList([...TEASERS, ...PLAIN].join('\n'));
  return m;
}

describe('<peeker-domain-picker>: the selection summary', () => {
  it('has no axe violations with the selection, the cost picture and the savings shown', async () => {
    const m = await mountPriced(3);
    await m.harness.press('fill');
    expect(m.harness.root.querySelector('[data-role="savings"]')).not.toBeNull();
    await expectNoAxeViolations(m.element);
  });

  it('lists every chosen name with its slot, first-year and renewal price, and a remove button', async () => {
    const m = await mountPriced(3);
    await m.harness.press('fill');
    const list = page.getByRole('list', { name: defaultMessages.chosenListLabel });
    const items = list.getByRole('listitem').elements();
    expect(items.map((li) => li.getAttribute('data-domain'))).toEqual(['plain1.com', 'plain2.com', 'plain3.com']);
    // the only Microsoft-capable plain name takes the Microsoft slot
    const slotOf = (domain: string) => items.find((li) => li.getAttribute('data-domain') === domain)!.querySelector('.slot')!.textContent;
    expect(slotOf('plain1.com')).toBe('Microsoft');
    expect(slotOf('plain2.com')).toBe('Google');
    expect(items[0]!.textContent).toContain('$10.00 first year · $10.00 per year after');

    const changes: Event[] = [];
    m.element.addEventListener('change', (e) => changes.push(e));
    await page.getByRole('button', { name: 'Remove plain2.com' }).click();
    await m.harness.settle();
    expect(m.harness.selectedDomains()).toEqual(['plain1.com', 'plain3.com']);
    expect(changes).toHaveLength(1);
    expect(m.harness.meterText('google')).toBe('Google 1 / 2');
    expect(m.harness.missingText()).toBe(defaultMessages.missing(1, 0));
    expect(m.harness.chosen()).toEqual([
      { domain: 'plain1.com', slot: 'microsoft' },
      { domain: 'plain3.com', slot: 'google' },
    ]);
    await m.harness.remove('plain3.com');
    expect(m.element.value).toEqual(['plain1.com']);
    // removed by hand: a refill leaves them out (the teasers fill in)
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).not.toContain('plain2.com');
    expect(m.harness.selectedDomains()).not.toContain('plain3.com');
    expect(m.harness.selectedDomains()).toHaveLength(3);
  });

  it('Remove from the keyboard keeps focus in the list: on the button now in its place, then Fill cheapest', async () => {
    const m = await mountPriced(3);
    await m.harness.press('fill');
    const removeButton = (domain: string) => page.getByRole('button', { name: defaultMessages.removeName(domain) }).element() as HTMLElement;
    removeButton('plain2.com').focus();
    await userEvent.keyboard('{Enter}');
    await m.harness.settle();
    expect(m.harness.selectedDomains()).toEqual(['plain1.com', 'plain3.com']);
    expect(m.harness.root.activeElement).toBe(removeButton('plain3.com'));
    await userEvent.keyboard(' ');
    await m.harness.settle();
    expect(m.harness.root.activeElement).toBe(removeButton('plain1.com'));
    await userEvent.keyboard('{Enter}');
    await m.harness.settle();
    expect(m.element.value).toEqual([]);
    expect(m.harness.root.activeElement).toBe(m.harness.button('fill'));
  });

  it('says what the exact optimiser saved over picking the cheapest-looking names by hand', async () => {
    const m = await mountPriced(3);
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).toEqual(PLAIN);
    // by hand: the three teasers (cheapest first year) = 3 × (1.00 + 2 × 30.00) = 183.00;
    // chosen: three plain names = 3 × 3 × 10.00 = 90.00
    expect(m.harness.total('horizon')).toBe('$90.00');
    expect(m.harness.savingsText()).toBe(defaultMessages.savings('$93.00', 3));
  });

  it('shows no savings when picking by hand would cost the same (one-year horizon)', async () => {
    const m = await mountPriced(1);
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).toEqual(TEASERS);
    expect(m.harness.savingsText()).toBe('');
  });

  it('draws the first year against the renewals over the horizon, in proportion', async () => {
    const m = await mountPriced(3);
    await m.harness.press('fill');
    const picture = page.getByRole('img', { name: defaultMessages.costPictureLabel('$30.00', '$60.00', 3) });
    const element = picture.element();
    const width = (which: string) => element.querySelector(`[data-cost="${which}"] .cost-bar`)!.getBoundingClientRect().width;
    expect(width('renewals')).toBeGreaterThan(0);
    expect(width('first-year') / width('renewals')).toBeCloseTo(0.5, 2);
    expect(element.textContent).toContain(defaultMessages.costRenewals(3));
  });

  it('empty totals carry the currency once any name is priced, and a dash before', async () => {
    const m = await mount({ 'required-google': '2', 'required-microsoft': '1' });
    expect(m.harness.total('first-year')).toBe(defaultMessages.noTotal);
    await m.harness.typeBrand('acme');
    expect(m.harness.total('first-year')).toBe('$0.00');
    expect(m.harness.total('renewal')).toBe('$0.00');
    expect(m.harness.missingText()).toBe(defaultMessages.noneChosen);
  });
});
