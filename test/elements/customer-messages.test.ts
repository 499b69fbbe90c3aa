import { afterEach, describe, expect, it } from 'vitest';
import { PeekerError } from '@peeker/core';
import { defaultMessages as m$ } from '@peeker/elements';
import { expectNoAxeViolations, fakeRow, mount } from './fixtures.ts';

afterEach(() => document.body.replaceChildren());

const ATTRS = { 'required-google': '2', 'required-microsoft': '1' };

describe('<peeker-domain-picker>: every message says what is wrong and what to do', () => {
  it('has no axe violations with a failed row, a notice and the missing line shown', async () => {
    const { element, harness, fake } = await mount(ATTRS);
    fake.failWhen = (domains) => (domains.includes('theirs.com') ? new PeekerError('network_error', 'down', { retryable: false }) : null);
    await harness.press('fill');
    await harness.typeBrand('acme');
    await harness.pasteList('theirs.com');
    expect(harness.statusOf('theirs.com')).toBe('error');
    expect(harness.missingText()).toBe(m$.noneChosen);
    await expectNoAxeViolations(element);
  });

  it('a failed check reads "last tried", never "checked"', async () => {
    const { harness, fake } = await mount(ATTRS);
    fake.failWhen = () => new PeekerError('unauthorized', 'Key revoked', { retryable: false });
    await harness.typeBrand('acme');
    const failed = harness.domains().filter((d) => harness.statusOf(d) === 'error');
    expect(failed.length).toBeGreaterThan(0);
    const age = harness.option(failed[0]!)!.querySelector('.age')!.textContent!;
    expect(age).toMatch(/^last tried /);
    expect(harness.option(failed[0]!)!.textContent).not.toMatch(/checked/i);
  });

  it('an unusable brand shows one message, with what to do, and no shortfall beside it', async () => {
    const { harness } = await mount(ATTRS);
    // typed like a customer would: checksComplete must settle for a rejected brand too
    await harness.typeBrand('!!!');
    const notices = harness.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('This brand cannot be used');
    expect(notices[0]).toContain('Type another brand');
  });

  it('"Fill cheapest" with nothing to choose from says why instead of doing nothing', async () => {
    const { harness } = await mount(ATTRS);
    await harness.press('fill');
    expect(harness.selectedDomains()).toEqual([]);
    expect(harness.notices()).toContain(m$.fillNothing);
  });

  it('"Fill cheapest" that finds the selection already cheapest says so', async () => {
    const { harness } = await mount(ATTRS);
    await harness.typeBrand('acme');
    await harness.press('fill');
    const chosen = harness.selectedDomains();
    expect(harness.notices()).not.toContain(m$.fillUnchanged);
    await harness.press('fill');
    expect(harness.selectedDomains()).toEqual(chosen);
    expect(harness.notices()).toContain(m$.fillUnchanged);
  });

  it('the form’s validation message says what is missing and how to finish', async () => {
    const form = document.createElement('form');
    document.body.append(form);
    const { element, harness } = await mount({ ...ATTRS, name: 'domains', required: '' }, form);
    await harness.typeBrand('acme');
    expect(element.validationMessage).toBe(m$.valueMissing(m$.noneChosen));
    const dual = harness.availableDomains().find((d) => fakeRow(d).usable_for!.includes('microsoft'))!;
    await harness.toggle(dual);
    expect(element.validationMessage).toBe(m$.valueMissing(m$.missing(2, 0)));
    expect(element.validationMessage).toContain('Fill cheapest');
  });

  it('after the final re-check lost every chosen name, the summary says to choose again', async () => {
    const { harness, fake } = await mount(ATTRS);
    // exactly the three names the order needs, so nothing can replace them
    fake.rowFor = (domain) => ({
      domain, available: true, premium: false, price_cents: 1000, renewal_price_cents: 1200, currency: 'usd',
      usable_for: ['google', 'microsoft'],
    });
    await harness.pasteList('ours1.com ours2.com ours3.com');
    await harness.press('fill');
    expect(harness.selectedDomains()).toHaveLength(3);
    fake.rowFor = (domain) => ({ domain, available: false, premium: false, reason: 'taken' });
    await harness.press('confirm');
    expect(harness.selectedDomains()).toEqual([]);
    expect(harness.missingText()).toBe(m$.noneChosen);
    const text = harness.notices().join(' ');
    expect(text).not.toContain('Add at least');
  });
});
