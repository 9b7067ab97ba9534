// Property: a claim the checker supports, with one detail changed (its year, its month, its
// place, a number), is never supported. The claims are every sentence of the development texts the
// checker supports against the shipped record; the changes are drawn at random.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkText } from '../../src/check/check-text.ts';
import { DETAIL_CHANGES, readLabelledTexts } from '../../src/check/evaluate-texts.ts';
import { referenceSource } from './reference-record.ts';

const source = await referenceSource();
async function supportedSentences(): Promise<string[]> {
  const out: string[] = [];
  for (const t of readLabelledTexts(new URL('./real-texts/dev', import.meta.url).pathname)) {
    const { claims } = await checkText(t.text, source);
    for (const c of claims) if (c.verdict === 'supported') out.push(c.text);
  }
  return out;
}

test('a supported claim with one detail changed is never supported', async () => {
  const sentences = await supportedSentences();
  assert.ok(sentences.length >= 5, `the property needs supported claims to change (found ${sentences.length})`);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...sentences),
      fc.constantFrom(...Object.values(DETAIL_CHANGES)),
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
