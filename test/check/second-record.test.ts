// A second, small record of another agreement (test/fixtures/good-friday: the Belfast/Good Friday
// Agreement, every fact sourced) loaded into a real store: the checker settles sentences about it
// with no code change, so src/domain holds no knowledge of the Ukraine–NATO record.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkText } from '../../src/check/check-text.ts';
import type { EvidenceSource } from '../../src/check/evidence-source.ts';
import { storeEvidenceSource } from '../../src/check/store-evidence-source.ts';
import { importPaths } from '../../src/io/import-records.ts';
import { DIALECTS, type TestStore } from '../support/test-stores.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/good-friday');

/** [sentence, verdict, the record the verdict rests on] */
const CASES: [string, 'supported' | 'contradicted' | 'unverifiable', string | null][] = [
  ['The Good Friday Agreement was signed on 10 April 1998.', 'supported', 'gfa-signed-1998'],
  ['The Belfast Agreement was signed on 10 April 1998.', 'supported', 'good-friday-agreement-1998'],
  ['The Good Friday Agreement entered into force on 2 December 1999.', 'supported', 'good-friday-agreement-1998'],
  ['Referendums on the Good Friday Agreement were held on 22 May 1998.', 'supported', 'gfa-referendums-1998'],
  ['The St Andrews Agreement was concluded on 13 October 2006.', 'supported', 'st-andrews-agreement-2006'],
  ['The Good Friday Agreement was signed on 10 April 1999.', 'contradicted', 'gfa-signed-1998'],
  ['The Good Friday Agreement was signed on 12 May 1998.', 'contradicted', 'gfa-signed-1998'],
  ['The Belfast Agreement was signed in March 1998.', 'contradicted', 'good-friday-agreement-1998'],
  ['The St Andrews Agreement was signed on 13 October 2007.', 'contradicted', 'st-andrews-agreement-2006'],
  // A detail the record does not hold: never supported.
  ['The Good Friday Agreement was signed on 10 April 1998 in the presence of Bill Clinton.', 'unverifiable', 'gfa-signed-1998'],
  ['The Good Friday Agreement was signed in Belfast on 10 April 1998 by George Mitchell.', 'unverifiable', 'gfa-signed-1998'],
  ['Bertie Ahern met Tony Blair in London in March 2003.', 'unverifiable', null],
];

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: the checker on a second record (Good Friday Agreement)`, { skip: dialect.skip }, () => {
    let db: TestStore;
    let source: EvidenceSource;
    before(async () => {
      db = await dialect.open();
      const summary = await importPaths(db.store, [FIXTURE]);
      assert.deepEqual(summary.counts, { parties: 6, agreements: 2, events: 6, commitments: 3, deliveries: 1 });
      source = storeEvidenceSource(db.store);
    });
    after(() => db?.close());

    for (const [sentence, verdict, record] of CASES)
      test(`${verdict}: ${sentence}`, async () => {
        const { claims } = await checkText(sentence, source);
        assert.equal(claims.length, 1);
        const [claim] = claims;
        assert.equal(claim!.verdict, verdict, claim!.explanation);
        if (record)
          assert.ok(
            claim!.evidence.some((e) => e.id === record),
            claim!.evidence.map((e) => e.id).join(),
          );
        if (verdict === 'contradicted') assert.match(claim!.explanation, /(10 April 1998|13 October 2006)/);
      });

    // The record places the signing in Belfast: another city refutes it.
    test('a wrong place is contradicted', async () => {
      const { claims } = await checkText('The Good Friday Agreement was signed in Dublin on 10 April 1998.', source);
      assert.equal(claims[0]?.verdict, 'contradicted', claims[0]?.explanation);
      assert.match(claims[0]!.explanation, /Belfast/);
    });
  });
}
