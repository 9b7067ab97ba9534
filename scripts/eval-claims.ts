// Runs the checker over labelled claim sets and prints, per set, accuracy, per-label precision
// and recall, a confusion matrix and the claims it got wrong. Always exits 0: it reports, it
// does not gate. Usage: npm run eval:claims [-- path/to/claims.json ...]; without a path it
// reports the dev set and the private validation set (test/check/claims-validation.json).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { checkText } from '../src/check/check-text.ts';
import type { EvidenceSource } from '../src/check/evidence-source.ts';
import { memoryEvidenceSource } from '../src/check/memory-evidence-source.ts';
import { VERDICTS } from '../src/domain/check/check-result.ts';
import { recordSetSchema } from '../src/domain/schemas.ts';

const REFERENCE = resolve(import.meta.dirname, '../../shared/reference/ukraine-nato');
const VALIDATION = resolve(import.meta.dirname, '../test/check/claims-validation.json');

interface LabelledClaim {
  id: string;
  text: string;
  label: (typeof VERDICTS)[number];
  note?: string;
}

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : x.toFixed(2));

async function report(path: string, source: EvidenceSource): Promise<string> {
  const claims: LabelledClaim[] = await readJson(path);
  const confusion = new Map<string, number>();
  const wrong: string[] = [];
  let correct = 0;
  for (const c of claims) {
    const result = await checkText(c.text, source);
    // A labelled text holds one claim; a text the checker finds nothing in counts as unverifiable.
    const got = result.claims[0];
    const verdict = got?.verdict ?? 'unverifiable';
    confusion.set(`${c.label}|${verdict}`, (confusion.get(`${c.label}|${verdict}`) ?? 0) + 1);
    if (verdict === c.label) correct++;
    else wrong.push(`  ${c.id} [${c.label} -> ${verdict}] ${c.text}\n      ${got?.explanation ?? '(no claim found)'}`);
  }
  const count = (label: string, verdict: string) => confusion.get(`${label}|${verdict}`) ?? 0;
  const lines = [`== ${relative(process.cwd(), path)}`, `claims: ${claims.length}  accuracy: ${pct(correct / claims.length)}`];
  lines.push('label          precision  recall');
  for (const label of VERDICTS) {
    const tp = count(label, label);
    const predicted = VERDICTS.reduce((n, l) => n + count(l, label), 0);
    const actual = VERDICTS.reduce((n, v) => n + count(label, v), 0);
    lines.push(`${label.padEnd(14)} ${pct(tp / predicted).padStart(9)} ${pct(tp / actual).padStart(7)}`);
  }
  lines.push(`\nconfusion (rows: label, columns: verdict)\n${''.padEnd(14)} ${VERDICTS.map((v) => v.slice(0, 12).padStart(13)).join('')}`);
  for (const label of VERDICTS) lines.push(`${label.padEnd(14)} ${VERDICTS.map((v) => String(count(label, v)).padStart(13)).join('')}`);
  const falseSupported = VERDICTS.filter((l) => l !== 'supported').reduce((n, l) => n + count(l, 'supported'), 0);
  lines.push(`\nnon-supported claims called supported: ${falseSupported}`);
  if (wrong.length) lines.push(`\nwrong:\n${wrong.join('\n')}`);
  return lines.join('\n');
}

const timeline = await readJson(`${REFERENCE}/timeline.json`);
const rest = await readJson(`${REFERENCE}/commitments.json`);
const source = memoryEvidenceSource(recordSetSchema.parse({ events: timeline, ...rest }));
const paths =
  process.argv.length > 2 ? process.argv.slice(2) : [`${REFERENCE}/claims-dev.json`, ...(existsSync(VALIDATION) ? [VALIDATION] : [])];
for (const path of paths) console.log(`${await report(resolve(path), source)}\n`);
