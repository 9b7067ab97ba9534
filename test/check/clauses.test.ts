// Coordinated clauses: where a sentence states two facts, and where "and" only joins words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { winkTagger } from '../../src/check/wink-tagger.ts';
import { coordinatedClauses } from '../../src/domain/check/clauses.ts';
import { checkText } from '../../src/check/check-text.ts';
import { referenceSource } from './reference-record.ts';

const clauses = (text: string) =>
  coordinatedClauses(text, winkTagger(text)).map((c) => `${c.subject ? `${c.subject} | ` : ''}${text.slice(c.start, c.end).trim()}`);

const table: [rule: string, text: string, expected: string[]][] = [
  [
    'a second verb without a subject shares the first clause’s',
    'It joined the programme in 1994, and was among the founding members of the council in May 1997.',
    ['It joined the programme in 1994,', 'It | was among the founding members of the council in May 1997.'],
  ],
  [
    'an opening phrase is not part of the shared subject',
    'In 2013, Ukraine sent a frigate and in 2014 became a partner.',
    ['In 2013, Ukraine sent a frigate', 'Ukraine | in 2014 became a partner.'],
  ],
  [
    'a clause with its own subject stands alone',
    'Ukraine joined the dialogue in 2005 and the Council adopted a plan in 2006.',
    ['Ukraine joined the dialogue in 2005', 'the Council adopted a plan in 2006.'],
  ],
  [
    'parties joined by "and" are one subject',
    'Canada and Italy signed agreements with Ukraine.',
    ['Canada and Italy signed agreements with Ukraine.'],
  ],
  [
    '"and" inside a subordinate clause joins words',
    'NATO leaders declared that Ukraine and Georgia would become members.',
    ['NATO leaders declared that Ukraine and Georgia would become members.'],
  ],
  [
    'a noun phrase with a participle is no clause',
    'The basis is the Charter and the Declaration to Complement the Charter signed in 2009.',
    ['The basis is the Charter and the Declaration to Complement the Charter signed in 2009.'],
  ],
];

for (const [rule, text, expected] of table) {
  test(`${rule}: ${text}`, () => assert.deepEqual(clauses(text), expected));
}

const source = await referenceSource();
const verdicts: [text: string, verdict: string][] = [
  [
    'Ukraine joined the Partnership for Peace in 1994, and was among the founding members of the Euro-Atlantic Partnership Council in May 1997.',
    'supported',
  ],
  [
    'Ukraine joined the Partnership for Peace in 1996, and was among the founding members of the Euro-Atlantic Partnership Council in May 1997.',
    'contradicted',
  ],
  [
    'Ukraine joined the Partnership for Peace in 1994, and was among the founding members of the Euro-Atlantic Partnership Council in May 1999.',
    'contradicted',
  ],
  ['Ukraine joined the Partnership for Peace in 1994, and opened a consulate in Lisbon in May 1997.', 'unverifiable'],
  ['Ukraine joined the Partnership for Peace in 1994, and froze its cooperation with NATO.', 'unverifiable'],
];
for (const [text, verdict] of verdicts) {
  test(`a sentence of two clauses is ${verdict} when its clauses are: ${text}`, async () => {
    const { claims } = await checkText(text, source);
    assert.equal(claims.length, 1);
    assert.equal(claims[0]!.verdict, verdict, claims[0]!.explanation);
  });
}
