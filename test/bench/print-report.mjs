// Prints ONE markdown table from the figures the bench parts wrote to test/bench/results/*.json
// (`npm run bench` runs it after vitest) and writes test/bench/results/report.json and
// report.md (the same table, ready to paste into a README).
// Plain Node ESM (no TypeScript: Node 20 cannot run .ts). Exits 1 when a part is missing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./results/', import.meta.url));
/** Parts in table order; the element's render figures come before its bundle sizes. */
const PARTS = ['solver', 'greedy', 'availability', 'candidates', 'element', 'bundle', 'redis', 'fairness'];

const parts = [];
const missing = [];
const rows = [];
for (const name of PARTS) {
  const file = `${dir}${name}.json`;
  if (existsSync(file)) {
    const part = JSON.parse(readFileSync(file, 'utf8'));
    parts.push(part);
    for (const row of part.rows) rows.push({ ...row, part: name });
  } else {
    missing.push(name);
    rows.push({ section: `(${name})`, metric: `part "${name}" did not run or wrote no results`, unit: '', met: false, part: name, missing: true });
  }
}

const thousands = (n) => n.toLocaleString('en-US');

function num(value, unit) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'ms':
      return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)} ms`;
    case 'kB':
      return `${value.toFixed(1)} kB`;
    case '¢':
      return `${thousands(Math.round(value))} ¢`;
    default:
      return `${thousands(Math.round(value * 100) / 100)}${unit ? ` ${unit}` : ''}`;
  }
}

function ratio(row) {
  if (row.ratioText) return row.ratioText;
  if (typeof row.ratio !== 'number' || !Number.isFinite(row.ratio)) return '';
  const r = row.ratio;
  const text = r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2);
  return `${text}×${row.ratioLabel ? ` ${row.ratioLabel}` : ''}`;
}

const cell = (s) => String(s ?? '').replaceAll('|', '\\|');


const lines = [];
lines.push('| # | metric | median | min | max | reference | ratio | target | met? |');
lines.push('|---|---|---|---|---|---|---|---|---|');
const notes = [];
let section = '';
rows.forEach((row, i) => {
  const n = i + 1;
  if (row.section !== section) {
    section = row.section;
    lines.push(`| | **${cell(section)}** | | | | | | | |`);
  }
  const met = row.target === undefined && !row.missing ? '' : row.met ? 'yes' : '**NO**';
  lines.push(
    `| ${n} | ${cell(row.metric)} | ${row.missing ? 'NOT RUN' : num(row.median, row.unit)} | ${row.missing ? '' : num(row.min, row.unit)} | ${row.missing ? '' : num(row.max, row.unit)} | ${cell(row.reference)} | ${cell(ratio(row))} | ${cell(row.target)} | ${met} |`,
  );
  if (row.note) notes.push(`- [${n}] ${row.note}${row.runs > 1 ? ` (n=${row.runs})` : ''}`);
  else if (row.runs > 1) notes.push(`- [${n}] n=${row.runs}`);
});

const env = parts[0]?.environment ?? {};
const loads = parts.map((p) => `${p.part} ${p.environment?.loadavg1mAtStart ?? '?'}`).join(', ');
const maxLoad = Math.max(0, ...parts.map((p) => Number(p.environment?.loadavg1mAtStart ?? 0)));
const missed = rows.filter((r) => r.target !== undefined && !r.met).map((r) => r.metric);

const out = [];
out.push('## Benchmarks (`npm run bench`)');
out.push('');
out.push(
  `Node ${env.node ?? '?'}, ${env.cpus ?? '?'} × ${env.cpuModel ?? '?'}; 1-minute load average at the start of each part: ${loads}` +
    (maxLoad >= 1.5 ? ' (a loaded machine: other work was running, times are pessimistic).' : '.'),
);
out.push('Each time is the median of several runs after a warm-up, with min and max; n is in the notes.');
out.push('');
out.push(...lines);
out.push('');
out.push('Notes:');
out.push(...notes);
if (missed.length > 0) out.push('', `Targets missed (${missed.length}): ${missed.join('; ')}`);
else if (missing.length === 0) out.push('', 'Every target met.');
if (missing.length > 0) out.push('', `Missing parts: ${missing.join(', ')}`);
console.log(out.join('\n'));
// the same table as a file, ready to paste into a README
writeFileSync(`${dir}report.md`, `${out.join('\n')}\n`);

writeFileSync(
  `${dir}report.json`,
  `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      environment: env,
      loadavg1mAtStart: Object.fromEntries(parts.map((p) => [p.part, p.environment?.loadavg1mAtStart ?? null])),
      allTargetsMet: missed.length === 0 && missing.length === 0,
      missedTargets: missed,
      missingParts: missing,
      rows: rows.map((r, i) => ({ n: i + 1, ...r })),
      facts: Object.fromEntries(parts.map((p) => [p.part, p.facts])),
      markdown: out.join('\n'),
    },
    null,
    2,
  )}\n`,
);
if (missing.length > 0) process.exitCode = 1;
