/**
 * The selection problem as an integer program in CPLEX LP format, solved by HiGHS (the
 * `highs` npm package, WebAssembly). It is the reference the exact solver is checked against.
 *
 * Model: binary g_i, m_i per orderable, non-excluded row with that capability;
 * g_i + m_i ≤ 1; Σ g = G; Σ m = M; Σ_{i in group} (g_i + m_i) ≤ cap; a pin forces
 * g_i + m_i ≥ 1 (or g_i ≥ 1 / m_i ≥ 1 for a fixed provider); minimise Σ cost·x.
 */
import type { SelectionProblem } from '@peeker/core';
import { capOf, orderable, rowCost } from './problems.ts';

/** The loaded HiGHS module (legacy one-shot API). */
export interface Highs {
  solve(problem: string, options?: Record<string, unknown>): { Status: string; ObjectiveValue: number };
}

let loaded: Promise<Highs> | undefined;

/**
 * Loads HiGHS once.
 * @returns the HiGHS instance
 */
export function loadHighs(): Promise<Highs> {
  loaded ??= import('highs').then((m) => (m.default as unknown as () => Promise<Highs>)());
  return loaded;
}

/**
 * Options: prove optimality exactly (the default relative gap is 1e-4), no log, and presolve
 * off: on these models HiGHS's presolve costs far more than it saves (10,000 rows: ~4 s
 * with it, ~0.2 s without), so the reference gets its fastest setting.
 */
export const HIGHS_OPTIONS = { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-6, presolve: 'off' } as const;

/** An LP-format model, or a note that it is trivially infeasible (pin on an unusable row). */
export interface LpModel {
  text: string;
  /** Number of binary variables. */
  variables: number;
  /** A pin refers to a row that cannot be chosen: infeasible without solving. */
  trivialInfeasible: boolean;
}

function pushSum(lines: string[], name: string, terms: readonly string[], tail: string): void {
  // LP format allows continuation lines; keep lines short for the reader
  let line = ` ${name}:`;
  for (let i = 0; i < terms.length; i++) {
    line += `${i === 0 ? ' ' : ' + '}${terms[i]}`;
    if (line.length > 200) {
      lines.push(line);
      line = '  ';
    }
  }
  lines.push(`${line} ${tail}`);
}

/**
 * Builds the LP-format text of a problem.
 * @param problem - the same problem given to `solveSelection`
 * @returns the model text
 */
export function buildLpModel(problem: SelectionProblem): LpModel {
  const years = problem.years ?? 1;
  const excluded = new Set(problem.excluded ?? []);
  const objective: string[] = [];
  const googleVars: string[] = [];
  const microsoftVars: string[] = [];
  const pairs: string[] = [];
  const binaries: string[] = [];
  const groups = new Map<string, string[]>();
  const varsOf = new Map<string, { g: string; m: string | null }>();
  let index = 0;
  for (const row of problem.rows) {
    if (!orderable(row) || excluded.has(row.domain) || varsOf.has(row.domain)) continue;
    const i = index++;
    const cost = rowCost(row, years);
    const g = `g${i}`;
    const m = row.usable_for?.includes('microsoft') === true ? `m${i}` : null;
    varsOf.set(row.domain, { g, m });
    objective.push(`${cost} ${g}`);
    googleVars.push(g);
    binaries.push(g);
    const own = [g];
    if (m !== null) {
      objective.push(`${cost} ${m}`);
      microsoftVars.push(m);
      binaries.push(m);
      pairs.push(` p${i}: ${g} + ${m} <= 1`);
      own.push(m);
    }
    if (problem.groupOf !== undefined) {
      const key = problem.groupOf(row);
      let list = groups.get(key);
      if (list === undefined) groups.set(key, (list = []));
      list.push(...own);
    }
  }
  const lines: string[] = ['Minimize'];
  pushSum(lines, 'obj', objective.length > 0 ? objective : ['0 dummy'], '');
  lines.push('Subject To');
  lines.push(...pairs);
  pushSum(lines, 'cg', googleVars.length > 0 ? googleVars : ['0 dummy'], `= ${problem.required.google}`);
  pushSum(lines, 'cm', microsoftVars.length > 0 ? microsoftVars : ['0 dummy'], `= ${problem.required.microsoft}`);
  let c = 0;
  for (const [key, vars] of groups) {
    const cap = capOf(problem, key);
    if (Number.isFinite(cap) && vars.length > cap) pushSum(lines, `cap${c++}`, vars, `<= ${cap}`);
  }
  let trivialInfeasible = false;
  let p = 0;
  for (const pin of problem.pinned ?? []) {
    const domain = typeof pin === 'string' ? pin : pin.domain;
    const provider = typeof pin === 'string' ? undefined : pin.provider;
    const vars = varsOf.get(domain);
    if (vars === undefined) {
      trivialInfeasible = true;
      continue;
    }
    if (provider === 'google') lines.push(` pin${p++}: ${vars.g} >= 1`);
    else if (provider === 'microsoft') {
      if (vars.m === null) trivialInfeasible = true;
      else lines.push(` pin${p++}: ${vars.m} >= 1`);
    } else lines.push(` pin${p++}: ${vars.g}${vars.m === null ? '' : ` + ${vars.m}`} >= 1`);
  }
  lines.push('Binary');
  for (let i = 0; i < binaries.length; i += 20) lines.push(` ${binaries.slice(i, i + 20).join(' ')}`);
  if (objective.length === 0) lines.push(' dummy');
  lines.push('End');
  return { text: lines.join('\n'), variables: binaries.length, trivialInfeasible };
}

/** Outcome of solving the reference model. */
export type ReferenceOutcome = { status: 'optimal'; total: number } | { status: 'infeasible' };

/**
 * Solves a model with HiGHS and returns the integer objective.
 * @param highs - loaded HiGHS
 * @param model - output of {@link buildLpModel}
 * @returns optimal total in cents, or infeasible
 * @throws Error on any other HiGHS status or a non-integral objective
 */
export function solveReference(highs: Highs, model: LpModel): ReferenceOutcome {
  if (model.trivialInfeasible) return { status: 'infeasible' };
  const result = highs.solve(model.text, HIGHS_OPTIONS);
  if (result.Status === 'Infeasible' || result.Status === 'Primal infeasible or unbounded') return { status: 'infeasible' };
  if (result.Status !== 'Optimal') throw new Error(`HiGHS ended with status ${result.Status}`);
  const total = Math.round(result.ObjectiveValue);
  if (Math.abs(total - result.ObjectiveValue) > 1e-4) {
    throw new Error(`HiGHS objective ${result.ObjectiveValue} is not integral`);
  }
  return { status: 'optimal', total };
}
