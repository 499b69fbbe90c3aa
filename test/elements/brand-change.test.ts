/**
 * Issue "A checkout that holds end to end", point 2: ideas generated for an earlier brand are
 * never filled or bought once the brand changed; names the customer picked by hand stay,
 * marked as kept. Real Chromium, the real element, a deterministic transport.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mount, type Mounted } from './fixtures.ts';

const ATTRS = { 'required-google': '15', 'required-microsoft': '4' };
/** The misspelled brand's names contain "rvier"; the corrected brand's never do. */
const OLD = /rvier/;

describe('<peeker-domain-picker>: a brand change replaces the ideas', () => {
  let m: Mounted;
  afterEach(() => m?.element.remove());

  it('correcting a typo never fills, lists or keeps a generated name of the old brand', async () => {
    m = await mount(ATTRS);
    await m.harness.typeBrand('Blue Rvier Labs');
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).toHaveLength(19);
    expect(m.harness.selectedDomains().every((d) => OLD.test(d))).toBe(true);

    await m.harness.typeBrand('Blue River Labs');
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).toHaveLength(19);
    expect(m.harness.selectedDomains().filter((d) => OLD.test(d))).toEqual([]);
    expect(m.harness.domains().filter((d) => OLD.test(d))).toEqual([]);

    await m.harness.press('clear');
    await m.harness.press('fill');
    expect(m.harness.selectedDomains().filter((d) => OLD.test(d))).toEqual([]);
    expect(m.element.value.filter((d) => OLD.test(d))).toEqual([]);
  });

  it('a name picked by hand survives the change, marked as kept, and leaves once unpicked', async () => {
    m = await mount(ATTRS);
    await m.harness.typeBrand('Blue Rvier Labs');
    const mine = m.harness.availableDomains()[0]!;
    await m.harness.toggle(mine);
    await m.harness.typeBrand('Blue River Labs');
    expect(m.harness.domains()).toContain(mine);
    expect(m.harness.statusText(mine) + m.harness.option(mine)!.textContent).toMatch(/kept from an earlier brand/);
    expect(m.harness.domains().filter((d) => OLD.test(d))).toEqual([mine]);
    await m.harness.press('fill');
    // the kept pick is pinned; every other name is the new brand's
    expect(m.harness.selectedDomains()).toContain(mine);
    expect(m.harness.selectedDomains().filter((d) => OLD.test(d))).toEqual([mine]);
    await m.harness.toggle(mine);
    expect(m.harness.domains()).not.toContain(mine);
  });

  it('an emptied brand empties the ideas and the selection: nothing to confirm', async () => {
    m = await mount(ATTRS);
    await m.harness.typeBrand('Blue Rvier Labs');
    await m.harness.press('fill');
    expect(m.harness.selectedDomains()).toHaveLength(19);
    await m.harness.typeBrand('');
    expect(m.harness.domains()).toEqual([]);
    expect(m.harness.selectedDomains()).toEqual([]);
    expect(m.harness.button('confirm')?.disabled ?? true).toBe(true);
  });
});
