import { afterEach, describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import { expectNoAxeViolations, mount, type Mounted } from './fixtures.ts';

/** Emulates the customer's colour-scheme preference through the DevTools protocol. */
async function prefer(scheme: 'light' | 'dark'): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
}

afterEach(async () => {
  document.body.replaceChildren();
  await prefer('light');
});

/** The colours a customer sees: text, panel, list border, primary button, selected row. */
function colours({ harness }: Mounted): Record<string, string> {
  const root = harness.root;
  const style = (selector: string) => getComputedStyle(root.querySelector(selector)!);
  return {
    text: style('.base').color,
    surface: style('.base').backgroundColor,
    border: style('.listbox').borderTopColor,
    button: style('button.primary').backgroundColor,
    selected: style('[role="option"][aria-selected="true"]').backgroundColor,
  };
}

/** Relative luminance (WCAG) of an `rgb(…)` colour. */
function luminance(colour: string): number {
  const [r, g, b] = colour.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

async function picked(): Promise<Mounted> {
  const m = await mount({ 'required-google': '2', 'required-microsoft': '1' });
  await m.harness.typeBrand('acme');
  await m.harness.press('fill');
  return m;
}

describe('<peeker-domain-picker>: light and dark defaults', () => {
  it('follows prefers-color-scheme: every default colour changes, dark text is light on a dark panel', async () => {
    const m = await picked();
    await prefer('light');
    const light = colours(m);
    await prefer('dark');
    const dark = colours(m);
    for (const key of Object.keys(light)) expect(dark[key], key).not.toBe(light[key]);
    expect(luminance(light.surface!)).toBeGreaterThan(luminance(light.text!));
    expect(luminance(dark.surface!)).toBeLessThan(luminance(dark.text!));
    // readable: at least 4.5:1 between text and panel in both schemes
    for (const c of [light, dark]) {
      const [hi, lo] = [luminance(c.text!), luminance(c.surface!)].sort((a, b) => b - a);
      expect((hi! + 0.05) / (lo! + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('has no axe violations (contrast included) in the dark scheme', async () => {
    await prefer('dark');
    const m = await picked();
    await expectNoAxeViolations(m.element);
  });

  it('a page without a dark theme pins the light one with color-scheme, and --peeker-* still win', async () => {
    const m = await picked();
    await prefer('light');
    const light = colours(m);
    await prefer('dark');
    m.element.style.colorScheme = 'light';
    expect(colours(m)).toEqual(light);
    m.element.style.colorScheme = '';
    m.element.style.setProperty('--peeker-surface-color', 'rgb(1, 2, 3)');
    expect(colours(m).surface).toBe('rgb(1, 2, 3)');
  });
});
