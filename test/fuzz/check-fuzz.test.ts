// The checker under random texts: noise, hostile strings, and sentences from the record with
// their dates, numbers and names swapped or cut. It must never throw or hang, and every result
// must hold to the contract: claims inside the text at their offsets, a known verdict, a
// confidence in [0, 1] and evidence that names records that exist. Reads only: the record
// must be unchanged afterwards.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { checkText } from '../../src/check/check-text.ts';
import { storeEvidenceSource } from '../../src/check/store-evidence-source.ts';
import type { EvidenceSource } from '../../src/check/evidence-source.ts';
import { checkResultSchema } from '../../src/domain/check/check-result.ts';
import { SHIPPED_RECORD_DIR } from '../../src/io/shipped-record.ts';
import { fingerprint } from '../reliability/support/fingerprint.ts';
import { hostileString } from '../reliability/support/hostile-values.ts';
import { holds } from '../reliability/support/property.ts';
import { report, scaled, within } from '../reliability/support/scale.ts';
import { DIALECTS, type TestStore } from '../support/test-stores.ts';

const EVENTS = (
  JSON.parse(fs.readFileSync(path.join(SHIPPED_RECORD_DIR, 'events.json'), 'utf8')) as {
    events: { title: string; summary: string; date: string }[];
  }
).events;
const SENTENCES = EVENTS.flatMap((e) => [`On ${e.date}, ${e.title}.`, ...e.summary.split(/(?<=\.)\s+/)]).filter((s) => s.length > 10);

const WORDS = [
  'NATO',
  'Ukraine',
  'signed',
  'first',
  'in Madrid',
  'in 1997',
  'on 9 July 1997',
  '€50 billion',
  '19 F-16s',
  'did not',
  'Zelensky',
  'Charter',
  'Bucharest',
  '2008',
  'never',
  'million',
  'the first time',
  'Kyiv',
  '$',
  '%',
  'ММ',
  '1e308',
  '-0',
];

/** A record sentence with some of its digits, words or length changed: near-miss claims. */
const mutatedSentence = fc
  .record({
    sentence: fc.nat(),
    digits: fc.nat({ max: 9 }),
    cut: fc.nat(),
    inserts: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...WORDS)), { maxLength: 4 }),
  })
  .map(({ sentence, digits, cut, inserts }) => {
    let text = SENTENCES[sentence % SENTENCES.length]!.replace(/\d/g, (d) => String((Number(d) + digits) % 10));
    text = text.slice(0, text.length - (cut % Math.max(1, text.length / 2)));
    for (const [at, word] of inserts) {
      const i = at % (text.length + 1);
      text = `${text.slice(0, i)} ${word} ${text.slice(i)}`;
    }
    return text;
  });

const randomText = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: mutatedSentence },
      { weight: 2, arbitrary: hostileString },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
      { weight: 1, arbitrary: fc.constantFrom(...WORDS) },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(' '));

/** Each check must answer within this; the slowest sentences of the dev set take a few ms. */
const CHECK_LIMIT_MS = 5_000;

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: checker fuzz`, { skip: dialect.skip }, () => {
    let t: TestStore;
    let source: EvidenceSource;
    let ids: Set<string>;
    before(async () => {
      t = await dialect.open({ shipped: true });
      source = storeEvidenceSource(t.store);
      ids = new Set();
      for (const kind of ['events', 'agreements', 'commitments', 'deliveries'] as const)
        for (const r of await t.store.list(kind)) ids.add(`${kind.replace(/s$/, '').replace(/ie$/, 'y')}/${r.id}`);
    });
    after(() => t?.close());

    test('random and near-miss texts: a result in the contract shape, in time, for every text', async () => {
      const stored = await fingerprint(t.store);
      const cases = await holds(
        fc.asyncProperty(randomText, async (text) => {
          const result = await within(CHECK_LIMIT_MS, 'checkText', checkText(text, source));
          checkResultSchema.parse(result);
          for (const claim of result.claims) {
            assert.ok(
              claim.start <= claim.end && claim.end <= text.length,
              `claim offsets ${claim.start}-${claim.end} outside a text of ${text.length}`,
            );
            assert.equal(text.slice(claim.start, claim.end), claim.text, 'text.slice(start, end) is not the claim');
            if (claim.verdict !== 'unverifiable') assert.ok(claim.evidence.length > 0, `${claim.verdict} without evidence`);
            for (const e of claim.evidence)
              assert.ok(ids.has(`${e.kind}/${e.id}`), `evidence names a record that does not exist: ${e.kind}/${e.id}`);
          }
        }),
        scaled(dialect.name === 'sqlite' ? 300 : 60, dialect.name === 'sqlite' ? 3000 : 600),
      );
      assert.equal(await fingerprint(t.store), stored, 'checking changed the record');
      report('cases fuzzed', cases, `${dialect.name} checker: random texts`);
    });
  });
}
