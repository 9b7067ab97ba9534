// Property: a claim the checker supports, with one detail changed (its year, its month, its
// place), is never supported. The claims are every sentence of the development texts the
// checker supports against the shipped record; the changes are drawn at random.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkText } from '../../src/check/check-text.ts';
import { readLabelledTexts } from '../../src/check/evaluate-texts.ts';
import { referenceSource } from './reference-record.ts';

const source = await referenceSource();
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CITIES = [
  'Madrid',
  'Brussels',
  'Vilnius',
  'Washington',
  'Bucharest',
  'Kyiv',
  'London',
  'Paris',
  'Berlin',
  'Warsaw',
  'Riga',
  'Prague',
];

async function supportedSentences(): Promise<string[]> {
  const out: string[] = [];
  for (const t of readLabelledTexts(new URL('./real-texts/dev', import.meta.url).pathname)) {
    const { claims } = await checkText(t.text, source);
    for (const c of claims) if (c.verdict === 'supported') out.push(c.text);
  }
  return out;
}

type Change = (text: string, k: number) => string | undefined;

const changeYear: Change = (text, k) => {
  const m = /\b(19[5-9]\d|20[0-3]\d)\b/.exec(text);
  return m ? text.slice(0, m.index) + String(Number(m[1]) + (k % 9) + 1) + text.slice(m.index + 4) : undefined;
};
const changeMonth: Change = (text, k) => {
  const i = MONTHS.findIndex((m) => text.includes(m));
  return i < 0 ? undefined : text.replace(MONTHS[i]!, MONTHS[(i + (k % 11) + 1) % 12]!);
};
const changePlace: Change = (text, k) => {
  const i = CITIES.findIndex((c) => new RegExp(`\\b(?:in|at) ${c}\\b`).test(text));
  return i < 0 ? undefined : text.replace(new RegExp(`\\b(in|at) ${CITIES[i]}\\b`), `$1 ${CITIES[(i + (k % 11) + 1) % 12]}`);
};

test('a supported claim with one detail changed is never supported', async () => {
  const sentences = await supportedSentences();
  assert.ok(sentences.length >= 5, `the property needs supported claims to change (found ${sentences.length})`);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...sentences),
      fc.constantFrom(changeYear, changeMonth, changePlace),
      fc.nat(100),
      async (text, change, k) => {
        const changed = change(text, k);
        fc.pre(changed !== undefined && changed !== text);
        const { claims } = await checkText(changed!, source);
        return claims.every((c) => c.verdict !== 'supported');
      },
    ),
    { numRuns: 60 },
  );
});
