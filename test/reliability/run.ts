// `npm run test:reliability`: the whole reliability suite at full scale, then one summary table.
// Runs the fast fuzz and abuse tests (the ones `npm test` runs, with ten times the cases) and
// the slow scenarios (*.scenario.ts: crash, soak, backup) in one node:test run; every test
// appends its figures to a JSON-lines file, which is summed here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/run-cli.ts';
import type { FigureName } from './support/scale.ts';
import { SEED } from './support/seeded-random.ts';

const files = ['test/fuzz', 'test/reliability']
  .flatMap((dir) => fs.readdirSync(path.join(REPO_ROOT, dir)).map((f) => `${dir}/${f}`))
  .filter((f) => /\.(test|scenario)\.ts$/.test(f))
  .sort();
const figuresFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pactwatch-reliability-')), 'figures.jsonl');
fs.writeFileSync(figuresFile, '');

const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
  env: { ...process.env, PACTWATCH_RELIABILITY: 'full', PACTWATCH_FIGURES: figuresFile, PACTWATCH_SEED: String(SEED) },
});

const figures = fs
  .readFileSync(figuresFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { name: FigureName; value: number; detail: string });

/** Counts add up across tests; rates and latencies are listed per run, never summed. */
const SUMMED: FigureName[] = [
  'kill points survived',
  'imports present after kill',
  'imports absent after kill',
  'acknowledged writes checked',
  'cases fuzzed',
  'abuse cases tried',
  'backup round trips',
  'lost',
];
const rows: [string, string, string][] = [];
for (const name of SUMMED) {
  const of = figures.filter((f) => f.name === name);
  if (of.length) rows.push([name, String(of.reduce((sum, f) => sum + f.value, 0)), of.map((f) => `${f.value} ${f.detail}`).join('; ')]);
}
for (const f of figures.filter((f) => !SUMMED.includes(f.name))) rows.push([f.name, String(f.value), f.detail]);

const width = [Math.max(...rows.map((r) => r[0].length), 6), Math.max(...rows.map((r) => r[1].length), 5)];
const line = (r: [string, string, string]) => `${r[0].padEnd(width[0]!)}  ${r[1].padStart(width[1]!)}  ${r[2]}`;
process.stdout.write(`\nPactwatch reliability summary (seed ${SEED}; replay with PACTWATCH_SEED=${SEED})\n`);
process.stdout.write(`${line(['figure', 'value', 'where'])}\n${'-'.repeat(100)}\n`);
for (const row of rows) process.stdout.write(`${line(row)}\n`);
const lost = figures.filter((f) => f.name === 'lost').reduce((sum, f) => sum + f.value, 0);
process.stdout.write(`\nlost: ${lost} (must be 0); tests ${run.status === 0 ? 'all passed' : 'FAILED, see above'}\n`);
process.exitCode = run.status === 0 && lost === 0 ? 0 : 1;
