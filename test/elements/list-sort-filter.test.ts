import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { isOrderable } from '@peeker/core';
import { defaultMessages } from '@peeker/elements';
import { expectNoAxeViolations, fakeRow, mount, type Mounted } from './fixtures.ts';

afterEach(() => document.body.replaceChildren());

const m$ = defaultMessages;
const horizon = (domain: string, years: number): number => {
  const row = fakeRow(domain);
  return row.price_cents! + (years - 1) * row.renewal_price_cents!;
};

async function mounted(): Promise<Mounted> {
  const m = await mount({ 'required-google': '15', 'required-microsoft': '4', years: '2' });
  await m.harness.typeBrand('acme'); // the first ideas are all .com
  await m.harness.pasteList('acmemail.org acmehq.org acmeteam.org acmemail.net acmehq.net getacme.net');
  return m;
}

describe('<peeker-domain-picker>: sorting and filtering the list', () => {
  it('has no axe violations with the controls and a filter applied', async () => {
    const m = await mounted();
    await page.getByRole('checkbox', { name: m$.availableOnly }).click();
    await m.harness.settle();
    await expectNoAxeViolations(m.element);
  });

  it('sorts by the lowest price over the horizon, unpriced names last', async () => {
    const m = await mounted();
    const all = m.harness.domains();
    await page.getByRole('combobox', { name: m$.sortLabel }).selectOptions(m$.sortPrice);
    await m.harness.settle();
    const shown = m.harness.domains();
    expect([...shown].sort()).toEqual([...all].sort());
    const priced = shown.filter((d) => isOrderable(fakeRow(d)));
    const costs = priced.map((d) => horizon(d, 2));
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    expect(shown.slice(0, priced.length)).toEqual(priced);
    await page.getByRole('combobox', { name: m$.sortLabel }).selectOptions(m$.sortName);
    await m.harness.settle();
    expect(m.harness.domains()).toEqual([...all].sort());
  });

  it('filters by provider capability, TLD and availability, and says how many it shows', async () => {
    const m = await mounted();
    const all = m.harness.domains();
    const provider = page.getByRole('combobox', { name: m$.providerLabel });
    await provider.selectOptions(m$.providerMicrosoft);
    await m.harness.settle();
    const microsoft = all.filter((d) => isOrderable(fakeRow(d)) && fakeRow(d).usable_for!.includes('microsoft'));
    expect(m.harness.domains()).toEqual(microsoft);
    expect(m.harness.root.querySelector('[data-role="showing"]')!.textContent).toBe(m$.showing(microsoft.length, all.length));

    await provider.selectOptions(m$.providerGoogleOnly);
    await m.harness.settle();
    expect(m.harness.domains()).toEqual(all.filter((d) => isOrderable(fakeRow(d)) && fakeRow(d).usable_for!.length === 1));

    await provider.selectOptions(m$.providerAny);
    await page.getByRole('combobox', { name: m$.tldLabel }).selectOptions('.org');
    await m.harness.settle();
    expect(m.harness.domains()).toEqual(all.filter((d) => d.endsWith('.org')));
    expect(m.harness.domains().length).toBeGreaterThan(0);

    await page.getByRole('checkbox', { name: m$.availableOnly }).click();
    await m.harness.settle();
    expect(m.harness.domains()).toEqual(all.filter((d) => d.endsWith('.org') && isOrderable(fakeRow(d))));
  });

  it('the view never changes the selection, and the keyboard walks the rows shown', async () => {
    const m = await mounted();
    await m.harness.press('fill');
    const chosen = m.harness.selectedDomains();
    await page.getByRole('combobox', { name: m$.tldLabel }).selectOptions('.net');
    await m.harness.settle();
    expect(m.element.value).toEqual(chosen);
    const shown = m.harness.domains();
    m.harness.listbox.focus();
    await userEvent.keyboard('{End}');
    await m.harness.settle();
    expect(m.harness.listbox.getAttribute('aria-activedescendant')).toBe(m.harness.option(shown.at(-1)!)!.id);
  });
});
