/**
 * An independent feasibility check of a selection (the solver's or a greedy picker's) and
 * its cost, so no answer is trusted just because a program produced it.
 */
import type { AvailabilityRow, SelectionProblem } from '@peeker/core';
import { capOf, orderable, rowCost } from './problems.ts';

/** A proposed assignment of domains to providers. */
export interface Assignment {
  google: readonly string[];
  microsoft: readonly string[];
}

/**
 * Checks that an assignment is a valid answer to a problem and returns its cost.
 * @param problem - the problem
 * @param answer - domains per provider
 * @returns total cost in cents
 * @throws Error naming the first broken rule
 */
export function checkAssignment(problem: SelectionProblem, answer: Assignment): number {
  const years = problem.years ?? 1;
  const byName = new Map<string, AvailabilityRow>();
  for (const row of problem.rows) if (!byName.has(row.domain)) byName.set(row.domain, row);
  const excluded = new Set(problem.excluded ?? []);
  if (answer.google.length !== problem.required.google) throw new Error(`google count ${answer.google.length} ≠ ${problem.required.google}`);
  if (answer.microsoft.length !== problem.required.microsoft) {
    throw new Error(`microsoft count ${answer.microsoft.length} ≠ ${problem.required.microsoft}`);
  }
  const seen = new Map<string, 'google' | 'microsoft'>();
  const groups = new Map<string, number>();
  let total = 0;
  for (const provider of ['google', 'microsoft'] as const) {
    for (const domain of answer[provider]) {
      const row = byName.get(domain);
      if (row === undefined || !orderable(row)) throw new Error(`${domain} is not orderable`);
      if (excluded.has(domain)) throw new Error(`${domain} is excluded`);
      if (seen.has(domain)) throw new Error(`${domain} chosen twice`);
      if (row.usable_for?.includes(provider) !== true) throw new Error(`${domain} cannot be used for ${provider}`);
      seen.set(domain, provider);
      total += rowCost(row, years);
      if (problem.groupOf !== undefined) {
        const key = problem.groupOf(row);
        const n = (groups.get(key) ?? 0) + 1;
        if (n > capOf(problem, key)) throw new Error(`group ${key} over its cap`);
        groups.set(key, n);
      }
    }
  }
  for (const pin of problem.pinned ?? []) {
    const domain = typeof pin === 'string' ? pin : pin.domain;
    const got = seen.get(domain);
    if (got === undefined) throw new Error(`pin ${domain} missing`);
    if (typeof pin !== 'string' && pin.provider !== undefined && pin.provider !== got) {
      throw new Error(`pin ${domain} on ${got}, wanted ${pin.provider}`);
    }
  }
  return total;
}
