import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { isOrderable } from '@peeker/core';
import { defaultMessages as m$ } from '@peeker/elements';
import { expectNoAxeViolations, fakeRow, mount } from './fixtures.ts';

afterEach(() => document.body.replaceChildren());

describe('<peeker-domain-picker>: the paste disclosure and Ctrl+A', () => {
  it('"Check your own names" is a button with aria-expanded that opens a named group', async () => {
    const { element, harness } = await mount({ 'required-google': '2', 'required-microsoft': '1' });
    const toggle = page.getByRole('button', { name: m$.pasteLabel });
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(page.getByRole('group', { name: m$.pasteLabel }).elements()).toHaveLength(0);

    toggle.element().focus();
    await userEvent.keyboard('{Enter}');
    await harness.settle();
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'true');
    const group = page.getByRole('group', { name: m$.pasteLabel });
    await expect.element(group).toBeVisible();
    await expect.element(group.getByRole('textbox', { name: m$.pasteLabel })).toBeVisible();
    await expectNoAxeViolations(element);

    await userEvent.keyboard(' ');
    await harness.settle();
    await expect.element(toggle).toHaveAttribute('aria-expanded', 'false');
  });

  it('Ctrl+A in the list chooses every orderable row (not the page text); again chooses none', async () => {
    const { element, harness } = await mount({ 'required-google': '2', 'required-microsoft': '1' });
    await harness.typeBrand('acme');
    const changes: Event[] = [];
    element.addEventListener('change', (e) => changes.push(e));
    harness.listbox.focus();
    await userEvent.keyboard('{Control>}a{/Control}');
    await harness.settle();
    const orderable = harness.domains().filter((d) => isOrderable(fakeRow(d)));
    expect(harness.selectedDomains()).toEqual([...orderable].sort());
    expect(orderable.length).toBeLessThan(harness.domains().length);
    expect(document.getSelection()?.toString() ?? '').toBe('');
    expect(changes).toHaveLength(1);
    // more than the order takes: the summary says how many to remove
    expect(harness.missingText()).toBe(m$.tooMany(orderable.length - 3, 3));

    await userEvent.keyboard('{Control>}a{/Control}');
    await harness.settle();
    expect(harness.selectedDomains()).toEqual([]);
    expect(changes).toHaveLength(2);
  });
});
