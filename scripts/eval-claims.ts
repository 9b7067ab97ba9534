// Scores the checker on the labelled real texts (test/check/real-texts/dev and /validation)
// against the shipped record, and on the claim sets of ../shared when present. Prints, per
// set: precision of supported and of contradicted, recall of the sentences the record
// settles, and how many perturbed true claims come out supported. Reports; does not gate.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { evaluateOutcomeLines, pct } from './eval-format.ts';
import { memoryEvidenceSource } from '../src/check/memory-evidence-source.ts';
import { perturbationsOf, perturbedSupported, readLabelledTexts, scoreTexts, type Perturbation } from '../src/check/evaluate-texts.ts';
import { checkText } from '../src/check/check-text.ts';
import { readShippedRecord } from '../src/io/shipped-record.ts';

const ROOT = resolve(import.meta.dirname, '../test/check/real-texts');
const REFERENCE = resolve(import.meta.dirname, '../../shared/reference/ukraine-nato');
const verbose = process.argv.includes('--verbose');
const source = memoryEvidenceSource(await readShippedRecord());

for (const set of ['dev', 'validation', 'holdout']) {
  const dir = `${ROOT}/${set}`;
  if (!existsSync(dir)) continue;
  const s = await scoreTexts(readLabelledTexts(dir), source);
  console.log(`== ${set}: ${s.texts} texts, ${s.sentences} labelled sentences`);
  console.log(`precision of supported:    ${pct(s.supportedRight, s.supported)}`);
  console.log(`precision of contradicted: ${pct(s.contradictedRight, s.contradicted)}`);
  console.log(`recall of settled:         ${pct(s.settledRight, s.settled)}`);
  // Every sentence the checker supports, with a year, month, city or number changed: none may stay supported.
  const generated = perturbationsOf(s.outcomes.filter((o) => o.verdict === 'supported').map((o) => o.sentence.text));
  const generatedWrong = await perturbedSupported(generated, source);
  console.log(`supported claims with one detail changed, still supported: ${generatedWrong.length} of ${generated.length}`);
  const perturbedFile = `${dir}/perturbed.json`;
  if (existsSync(perturbedFile)) {
    const perturbations = JSON.parse(readFileSync(perturbedFile, 'utf8')) as Perturbation[];
    const wrong = await perturbedSupported(perturbations, source);
    console.log(`perturbed claims supported: ${wrong.length} of ${perturbations.length}`);
  }
  // The validation split is never read sentence by sentence while tuning: only its figures print.
  if (verbose && set === 'dev') console.log(evaluateOutcomeLines(s.outcomes).join('\n'));
  console.log('');
}

if (existsSync(`${REFERENCE}/claims-dev.json`)) {
  const claims = JSON.parse(readFileSync(`${REFERENCE}/claims-dev.json`, 'utf8')) as { id: string; text: string; label: string }[];
  let right = 0;
  for (const c of claims) {
    const { claims: got } = await checkText(c.text, source);
    if ((got[0]?.verdict ?? 'unverifiable') === c.label) right++;
    else if (verbose) console.log(`  ${c.id} [${c.label} -> ${got[0]?.verdict}] ${c.text}`);
  }
  console.log(`== shared claims-dev: ${right} of ${claims.length} right`);
}
