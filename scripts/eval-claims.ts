// Runs the checker over the labelled dev claims and prints accuracy, per-label precision and
// recall, a confusion matrix and the claims it got wrong. Always exits 0: it reports, it does
// not gate. Usage: npm run eval:claims [-- path/to/claims.json]
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkText } from '../src/check/check-text.ts';
import { memoryEvidenceSource } from '../src/check/memory-evidence-source.ts';
import { VERDICTS } from '../src/domain/check/check-result.ts';
import { recordSetSchema } from '../src/domain/schemas.ts';

const REFERENCE = resolve(import.meta.dirname, '../../shared/reference/ukraine-nato');

interface LabelledClaim {
  id: string;
  text: string;
  label: (typeof VERDICTS)[number];
  note?: string;
}

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
const claimsPath = process.argv[2] ?? `${REFERENCE}/claims-dev.json`;
const timeline = await readJson(`${REFERENCE}/timeline.json`);
const rest = await readJson(`${REFERENCE}/commitments.json`);
const records = recordSetSchema.parse({ events: timeline, ...rest });
const source = memoryEvidenceSource(records);
const claims: LabelledClaim[] = await readJson(claimsPath);

const confusion = new Map<string, number>();
const wrong: string[] = [];
let correct = 0;
for (const c of claims) {
  const result = await checkText(c.text, source);
  // The dev set has one claim per text; a text the checker finds nothing in counts as unverifiable.
  const got = result.claims[0];
  const verdict = got?.verdict ?? 'unverifiable';
  confusion.set(`${c.label}|${verdict}`, (confusion.get(`${c.label}|${verdict}`) ?? 0) + 1);
  if (verdict === c.label) correct++;
  else wrong.push(`  ${c.id} [${c.label} -> ${verdict}] ${c.text}\n      ${got?.explanation ?? '(no claim found)'}`);
}

const count = (label: string, verdict: string) => confusion.get(`${label}|${verdict}`) ?? 0;
const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : x.toFixed(2));
console.log(`claims: ${claims.length}  accuracy: ${pct(correct / claims.length)}`);
console.log('label          precision  recall');
for (const label of VERDICTS) {
  const tp = count(label, label);
  const predicted = VERDICTS.reduce((n, l) => n + count(l, label), 0);
  const actual = VERDICTS.reduce((n, v) => n + count(label, v), 0);
  console.log(`${label.padEnd(14)} ${pct(tp / predicted).padStart(9)} ${pct(tp / actual).padStart(7)}`);
}
console.log(`\nconfusion (rows: label, columns: verdict)\n${''.padEnd(14)} ${VERDICTS.map((v) => v.slice(0, 12).padStart(13)).join('')}`);
for (const label of VERDICTS) console.log(`${label.padEnd(14)} ${VERDICTS.map((v) => String(count(label, v)).padStart(13)).join('')}`);
const falseSupported = VERDICTS.filter((l) => l !== 'supported').reduce((n, l) => n + count(l, 'supported'), 0);
console.log(`\nnon-supported claims called supported: ${falseSupported}`);
if (wrong.length) console.log(`\nwrong:\n${wrong.join('\n')}`);
