/**
 * Argument checks and name keys for `solveSelection`.
 * Internal: never exported from the package. (Written with the selection solver.)
 */
import type { AvailabilityRow, Provider } from '../availability/availability-row.ts';
import type { SelectionProblem } from '../solver/selection-problem.ts';
import { describeValue } from './describe-value.ts';

/** A pin after validation: normalised name and optional fixed provider. */
export interface PinInput {
  name: string;
  provider: Provider | undefined;
}

/** A validated problem with defaults applied. */
export interface SelectionInput {
  rows: readonly AvailabilityRow[];
  google: number;
  microsoft: number;
  years: number;
  pins: PinInput[];
  excluded: Set<string>;
  groupOf: ((row: AvailabilityRow) => string) | undefined;
  /** Cap of a group (validated), or undefined when there are no caps. */
  capOf: ((group: string) => number) | undefined;
}

/**
 * The key under which names are compared: lower case, one trailing dot removed. Rows are
 * already normalised by the checker, so this only forgives the caller's casing and FQDN dots.
 * @param name - a domain name
 * @returns the comparison key
 */
export function selectionKey(name: string): string {
  const lower = name.toLowerCase();
  // Keep the caller's string when nothing changed: its hash is cached for the Map lookups.
  const key = lower === name ? name : lower;
  return key.endsWith('.') ? key.slice(0, -1) : key;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isCap(value: unknown): value is number {
  return isCount(value) || value === Number.POSITIVE_INFINITY;
}

/**
 * Checks the shape of a selection problem and applies defaults.
 * @param problem - what the caller passed to `solveSelection`
 * @returns the validated input
 * @throws TypeError "Expected …, got …" for every wrong-type argument
 */
export function readSelectionInput(problem: SelectionProblem): SelectionInput {
  if (typeof problem !== 'object' || problem === null || Array.isArray(problem)) {
    throw new TypeError(`Expected a selection problem object, got ${describeValue(problem)}`);
  }
  const { rows, required, pinned, excluded, years, groupOf, maxPerGroup } = problem;
  if (!Array.isArray(rows)) {
    throw new TypeError(`Expected problem.rows to be an array of availability rows, got ${describeValue(rows)}`);
  }
  if (typeof required !== 'object' || required === null || Array.isArray(required)) {
    throw new TypeError(`Expected problem.required to be { google, microsoft }, got ${describeValue(required)}`);
  }
  if (!isCount(required.google)) {
    throw new TypeError(
      `Expected problem.required.google to be a non-negative safe integer, got ${describeValue(required.google)}`,
    );
  }
  if (!isCount(required.microsoft)) {
    throw new TypeError(
      `Expected problem.required.microsoft to be a non-negative safe integer, got ${describeValue(required.microsoft)}`,
    );
  }
  if (!Number.isSafeInteger(required.google + required.microsoft)) {
    throw new TypeError(
      `Expected problem.required.google + microsoft to be a safe integer, got ${required.google + required.microsoft}`,
    );
  }
  if (years !== undefined && !(isCount(years) && years >= 1)) {
    throw new TypeError(`Expected problem.years to be a positive safe integer, got ${describeValue(years)}`);
  }

  const pins: PinInput[] = [];
  if (pinned !== undefined) {
    if (!Array.isArray(pinned)) {
      throw new TypeError(`Expected problem.pinned to be an array, got ${describeValue(pinned)}`);
    }
    pinned.forEach((pin: unknown, i) => {
      if (typeof pin === 'string') {
        pins.push({ name: selectionKey(pin), provider: undefined });
        return;
      }
      if (typeof pin !== 'object' || pin === null || typeof (pin as { domain?: unknown }).domain !== 'string') {
        throw new TypeError(
          `Expected problem.pinned[${i}] to be a domain name or { domain, provider? }, got ${describeValue(pin)}`,
        );
      }
      const { domain, provider } = pin as { domain: string; provider?: unknown };
      if (provider !== undefined && provider !== 'google' && provider !== 'microsoft') {
        throw new TypeError(
          `Expected problem.pinned[${i}].provider to be "google", "microsoft" or absent, got ${describeValue(provider)}`,
        );
      }
      pins.push({ name: selectionKey(domain), provider });
    });
  }

  const excludedSet = new Set<string>();
  if (excluded !== undefined) {
    if (!Array.isArray(excluded)) {
      throw new TypeError(`Expected problem.excluded to be an array of domain names, got ${describeValue(excluded)}`);
    }
    excluded.forEach((name: unknown, i) => {
      if (typeof name !== 'string') {
        throw new TypeError(`Expected problem.excluded[${i}] to be a domain name, got ${describeValue(name)}`);
      }
      excludedSet.add(selectionKey(name));
    });
  }

  if (groupOf !== undefined && typeof groupOf !== 'function') {
    throw new TypeError(`Expected problem.groupOf to be a function, got ${describeValue(groupOf)}`);
  }
  let capOf: ((group: string) => number) | undefined;
  if (maxPerGroup !== undefined) {
    if (groupOf === undefined) {
      throw new TypeError('Expected problem.groupOf (a function) when maxPerGroup is set, got undefined');
    }
    if (typeof maxPerGroup === 'function') {
      capOf = (group) => {
        const cap: unknown = maxPerGroup(group);
        if (!isCap(cap)) {
          throw new TypeError(
            `Expected problem.maxPerGroup(${JSON.stringify(group)}) to return a non-negative integer or Infinity, got ${describeValue(cap)}`,
          );
        }
        return cap;
      };
    } else if (isCap(maxPerGroup)) {
      capOf = () => maxPerGroup;
    } else {
      throw new TypeError(
        `Expected problem.maxPerGroup to be a non-negative integer, Infinity or a function, got ${describeValue(maxPerGroup)}`,
      );
    }
  }

  return {
    rows,
    google: required.google,
    microsoft: required.microsoft,
    years: years ?? 1,
    pins,
    excluded: excludedSet,
    groupOf,
    capOf,
  };
}
