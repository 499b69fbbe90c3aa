import { describe, expect, it } from 'vitest';
import { formatSelectionTable, pickedDomains } from '../../packages/cli/src/format-selection.ts';
import type { AvailabilityRow } from '../../packages/core/src/availability/availability-row.ts';
import type { OptimalSelection } from '../../packages/core/src/solver/selection-problem.ts';

const mixed = new URL('http://\u0430cme.com/').hostname; // Cyrillic а + "cme"
const rows = ['xn--bcher-kva.com', 'getacme.com', mixed].map(
  (domain): AvailabilityRow => ({ domain, available: true, price_cents: 1300, renewal_price_cents: 1500, currency: 'usd', usable_for: ['google', 'microsoft'] }),
);
const selection = {
  status: 'optimal',
  google: ['getacme.com', 'xn--bcher-kva.com', mixed],
  microsoft: [],
  domains: ['getacme.com', mixed, 'xn--bcher-kva.com'].sort(),
  cost: { first_year_cents: 3900, renewal_cents: 4500, total_cents: 3900, currency: 'usd' },
} as unknown as OptimalSelection;

describe('the CLI table and internationalised names (issue 13)', () => {
  const text = formatSelectionTable({ brand: 'acme', selection, picked: pickedDomains(selection, rows), years: 1, checked: 3 });

  it('shows the Unicode form next to the ASCII name', () => {
    expect(text).toContain('xn--bcher-kva.com (bücher.com)');
    expect(text).toMatch(/^getacme\.com {2,}google/mu); // ASCII names unchanged
  });

  it('warns about a name that mixes scripts, naming what it reads like', () => {
    expect(text).toContain(`Warning: ${mixed}: "\u0430cme" mixes Cyrillic and Latin letters; it reads like "acme.com".`);
    expect(text.match(/^Warning:/gmu)).toHaveLength(1);
  });
});
