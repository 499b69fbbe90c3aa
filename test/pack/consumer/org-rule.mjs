// The README's "never more than 3 .org domains" recipe, with plain fast-check, against the
// published @peeker/core/testing. A second run with a solver that ignores the rule must be
// caught, proving the recipe can fail.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { solveSelection } from '@peeker/core';
import { checkSelection, selectionProblemArbitrary } from '@peeker/core/testing';

const tld = (row) => row.domain.split('.').pop();
const atMost3Org = { groupOf: tld, maxPerGroup: (g) => (g === 'org' ? 3 : Infinity) };
const problems = selectionProblemArbitrary({ rows: { max: 14 } }).map((p) => ({ ...p, ...atMost3Org }));

const ruleHolds = (solve) =>
  fc.property(problems, (problem) => {
    const answer = solve(problem);
    assert.deepEqual(checkSelection(problem, answer), []);
    if (answer.status === 'optimal') assert.ok(answer.domains.filter((d) => d.endsWith('.org')).length <= 3);
  });

const good = fc.check(ruleHolds(solveSelection), { numRuns: 150, seed: 42 });
const ignoresRule = (problem) => solveSelection({ ...problem, groupOf: undefined, maxPerGroup: undefined });
const broken = fc.check(ruleHolds(ignoresRule), { numRuns: 300, seed: 42 });
process.stdout.write(
  JSON.stringify({
    good: { failed: good.failed, numRuns: good.numRuns },
    broken: { failed: broken.failed, error: broken.failed ? String(broken.errorInstance?.message ?? broken.error).slice(0, 400) : null },
  }),
);
