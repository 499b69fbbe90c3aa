import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { PeekerOrderReadyEvent } from '@peeker/elements';
import { expectNoAxeViolations, fakeRow, mount } from './fixtures.ts';

afterEach(() => document.body.replaceChildren());

/** The element inside the picker's shadow root that has focus. */
function focused(root: ShadowRoot): Element | null {
  return root.activeElement;
}

describe('<peeker-domain-picker>: keyboard and forms', () => {
  it('has no axe violations with the list focused and an active option', async () => {
    const { element, harness } = await mount({ 'required-google': '2', 'required-microsoft': '1' });
    await harness.typeBrand('acme');
    harness.listbox.focus();
    await harness.settle();
    await expectNoAxeViolations(element);
  });

  it('keyboard-only use completes a selection and confirms it', async () => {
    const { element, harness } = await mount({ 'required-google': '2', 'required-microsoft': '1' });
    const ready: PeekerOrderReadyEvent[] = [];
    element.addEventListener('peeker-order-ready', (e) => ready.push(e));

    element.focus(); // delegatesFocus: the brand input
    expect(focused(harness.root)).toBe(harness.input);
    await userEvent.keyboard('acme');
    await harness.settle();
    expect(harness.input.value).toBe('acme');
    expect(harness.domains().length).toBeGreaterThan(0);

    await userEvent.keyboard('{ArrowDown}');
    await harness.settle();
    expect(focused(harness.root)).toBe(harness.listbox);
    const activeId = () => harness.listbox.getAttribute('aria-activedescendant');
    expect(activeId()).toBe(harness.options()[0]!.id);

    await userEvent.keyboard('{End}');
    await harness.settle();
    expect(activeId()).toBe(harness.options().at(-1)!.id);
    await userEvent.keyboard('{Home}');
    await harness.settle();
    expect(activeId()).toBe(harness.options()[0]!.id);

    // walk down with the arrows, choosing with Space or Enter, until both counts are met
    const keys = [' ', '{Enter}'];
    let presses = 0;
    for (let i = 0; i < harness.options().length && !element.matches(':state(complete)'); i += 1) {
      const option = harness.options().find((o) => o.id === activeId())!;
      const row = fakeRow(option.dataset.domain!);
      const google = harness.meterText('google') === 'Google 2 / 2';
      const microsoft = harness.meterText('microsoft') === 'Microsoft 1 / 1';
      const wanted =
        option.dataset.status === 'available' &&
        (row.usable_for!.includes('microsoft') ? !google || !microsoft : !google);
      if (wanted) {
        await userEvent.keyboard(keys[presses % 2]!);
        presses += 1;
        await harness.settle();
        expect(option.getAttribute('aria-selected')).toBe('true');
      }
      await userEvent.keyboard('{ArrowDown}');
      await harness.settle();
    }
    expect(element.matches(':state(complete)')).toBe(true);
    expect(harness.selectedDomains()).toHaveLength(3);

    // Escape goes back to the brand input
    await userEvent.keyboard('{Escape}');
    expect(focused(harness.root)).toBe(harness.input);

    // Tab to the confirm button and press it
    const confirm = harness.button('confirm')!;
    for (let i = 0; i < 12 && focused(harness.root) !== confirm; i += 1) await userEvent.tab();
    expect(focused(harness.root)).toBe(confirm);
    await userEvent.keyboard('{Enter}');
    await harness.settle();
    expect(ready).toHaveLength(1);
    expect(ready[0]!.detail.domains).toEqual(harness.selectedDomains());
  });

  it('Space on a taken row does nothing; the active row is always visible as focused', async () => {
    const { harness } = await mount({ 'required-google': '2', 'required-microsoft': '1' });
    await harness.typeBrand('acme');
    const takenIndex = harness.options().findIndex((o) => o.dataset.status === 'taken');
    harness.listbox.focus();
    for (let i = 0; i < takenIndex; i += 1) await userEvent.keyboard('{ArrowDown}');
    await harness.settle();
    const taken = harness.options()[takenIndex]!;
    expect(harness.listbox.getAttribute('aria-activedescendant')).toBe(taken.id);
    expect(taken.hasAttribute('data-active')).toBe(true);
    expect(getComputedStyle(taken).outlineStyle).not.toBe('none');
    await userEvent.keyboard(' ');
    await harness.settle();
    expect(taken.getAttribute('aria-selected')).toBe('false');
  });

  it('a <form> submits one entry per chosen domain under the name', async () => {
    const form = document.createElement('form');
    document.body.append(form);
    const { element, harness } = await mount(
      { name: 'domains', 'required-google': '2', 'required-microsoft': '1' },
      form,
    );
    await harness.typeBrand('acme');
    expect(new FormData(form).getAll('domains')).toEqual([]);
    await harness.press('fill');
    const chosen = harness.selectedDomains();
    expect(new FormData(form).getAll('domains')).toEqual(chosen);

    let submitted: string[] = [];
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = new FormData(form).getAll('domains') as string[];
    });
    form.requestSubmit();
    expect(submitted).toEqual(chosen);
    expect(element.form).toBe(form);
  });

  it('with required, the form is invalid until both counts are met', async () => {
    const form = document.createElement('form');
    document.body.append(form);
    const { element, harness } = await mount(
      { name: 'domains', required: '', 'required-google': '2', 'required-microsoft': '1' },
      form,
    );
    await harness.typeBrand('acme');
    expect(element.validity.valueMissing).toBe(true);
    expect(form.checkValidity()).toBe(false);
    let submits = 0;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submits += 1;
    });
    form.requestSubmit();
    expect(submits).toBe(0);
    await harness.press('fill');
    expect(element.validity.valid).toBe(true);
    form.requestSubmit();
    expect(submits).toBe(1);
    // one too many is invalid again
    const extra = harness.availableDomains().find((d) => !harness.selectedDomains().includes(d))!;
    await harness.toggle(extra);
    expect(element.validity.valueMissing).toBe(true);
  });

  it('form reset clears the selection without a change event; a disabled fieldset disables it', async () => {
    const form = document.createElement('form');
    const fieldset = document.createElement('fieldset');
    form.append(fieldset);
    document.body.append(form);
    const { element, harness } = await mount(
      { name: 'domains', 'required-google': '2', 'required-microsoft': '1' },
      fieldset,
    );
    let changes = 0;
    element.addEventListener('change', () => (changes += 1));
    await harness.typeBrand('acme');
    element.fillCheapest();
    await harness.settle();
    expect(harness.selectedDomains()).toHaveLength(3);
    form.reset();
    await harness.settle();
    expect(harness.selectedDomains()).toEqual([]);
    expect(new FormData(form).getAll('domains')).toEqual([]);
    expect(changes).toBe(0);

    fieldset.disabled = true;
    await harness.settle();
    expect(harness.input.disabled).toBe(true);
    expect(harness.button('fill')!.disabled).toBe(true);
    expect(element.matches(':disabled')).toBe(true);
    fieldset.disabled = false;
    await harness.settle();
    expect(harness.input.disabled).toBe(false);
  });

  it('restores a saved form state (names are re-checked)', async () => {
    const { element, harness, fake } = await mount({ name: 'domains', 'required-google': '2', 'required-microsoft': '1' });
    const names = ['acmeco.com', 'getacme.com'];
    element.formStateRestoreCallback(JSON.stringify(names));
    await harness.settle();
    expect(element.value).toEqual(names);
    expect(fake.calls.flat()).toEqual(expect.arrayContaining(names));
    for (const d of names) expect(harness.statusOf(d)).not.toBe('checking');
  });
});
