import { it, expect } from 'vitest';
import fc from 'fast-check';
import { solveSelection } from '@peeker/core';
import { checkSelection, selectionProblemArbitrary } from '@peeker/core/testing';
it('stats', () => {
  const configs = [
    { rows: { max: 14 }, withPins: true, withCaps: true, withExcluded: true, years: { min: 1, max: 3 }, missingRenewalShare: 0.2 },
    { rows: { max: 16 }, withCaps: true, googleOnlyShare: 0.5, prices: { min: 0, max: 50 } },
    { rows: { max: 14 }, withPins: true, withCaps: true, microsoftOnlyShare: 0.2, googleOnlyShare: 0.3, years: { min: 1, max: 3 }, renewalPrices: {min: -5, max: 40}, prices: [1,2,3] },
    { rows: { max: 16 }, withPins: true, premiumShare: 0, unavailableShare: 0, prices: [5, 5, 6] },
  ];
  for (const cfg of configs) {
    let optimal = 0, infeasible = 0, n = 0;
    const msgs = new Map<string, number>();
    fc.assert(fc.property(selectionProblemArbitrary(cfg as any), (p) => {
      const r = solveSelection(p);
      n++;
      if (r.status === 'optimal') optimal++; else { infeasible++; const k = r.message.replace(/\d+/g,'N').replace(/[a-z]+\.(com|net|org|io)/g,'X'); msgs.set(k, (msgs.get(k) ?? 0) + 1); }
      const v = checkSelection(p, r);
      if (v.length) { console.log(JSON.stringify(p), JSON.stringify(r), v); }
      expect(v).toEqual([]);
    }), { numRuns: 5000 });
    console.log(JSON.stringify(cfg), { optimal, infeasible });
    console.log([...msgs].sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>v+' '+k).join('\n'));
  }
});
