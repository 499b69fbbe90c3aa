/**
 * Node side: writes one bench part's figures to test/bench/results/<part>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PartResult, ReportRow } from './stats.ts';

/** Absolute path of test/bench/results/. */
export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

/** Facts about the machine at the time of writing. */
export function nodeEnvironment(): Record<string, unknown> {
  return {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadavg1m: Number((loadavg()[0] ?? 0).toFixed(2)),
  };
}

/**
 * Writes a part's result file.
 * @param part - file stem, e.g. "solver"
 * @param startedAt - when the part began
 * @param rows - table rows
 * @param facts - extra facts
 * @returns the written object
 */
export function writePart(part: string, startedAt: Date, rows: ReportRow[], facts: Record<string, unknown>): PartResult {
  const result: PartResult = {
    part,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    environment: { ...nodeEnvironment(), loadavg1mAtStart: facts['loadavg1mAtStart'] },
    rows,
    facts,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(`${RESULTS_DIR}${part}.json`, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}
