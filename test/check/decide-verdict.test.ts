// The verdict rules over a small hand-made record: one detail changed at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../src/check/check-text.ts';
import type { DetailResult } from '../../src/domain/check/compare-details.ts';
import { anotherAct } from '../../src/domain/check/decide-verdict.ts';
import { memoryEvidenceSource } from '../../src/check/memory-evidence-source.ts';
import { recordSetSchema } from '../../src/domain/schemas.ts';

const src = [{ url: 'https://example.org/source' }];
const record = recordSetSchema.parse({
  parties: [
    { id: 'ukraine', name: 'Ukraine', kind: 'state', iso2: 'UA', aliases: ['Kyiv'] },
    { id: 'nato', name: 'NATO', kind: 'organisation', aliases: ['the Alliance'] },
    { id: 'austria', name: 'Austria', kind: 'state', iso2: 'AT' },
    { id: 'poland', name: 'Poland', kind: 'state', iso2: 'PL' },
    { id: 'leonid-kuchma', name: 'Leonid Kuchma', kind: 'person' },
    { id: 'andriy-parubiy', name: 'Andriy Parubiy', kind: 'person' },
    { id: 'petro-poroshenko', name: 'Petro Poroshenko', kind: 'person' },
    { id: 'andrzej-duda', name: 'Andrzej Duda', kind: 'person' },
  ],
  events: [
    {
      id: 'charter',
      date: '1997-07-09',
      type: 'agreement',
      actors: ['NATO', 'Ukraine', 'Leonid Kuchma'],
      sources: src,
      title: 'Charter on a Distinctive Partnership signed in Madrid',
      summary:
        'At the NATO summit in Madrid on 9 July 1997, President Leonid Kuchma and NATO leaders signed the Charter on a Distinctive Partnership between NATO and Ukraine.',
    },
    {
      id: 'pfp',
      date: '1994-02',
      type: 'decision',
      actors: ['Ukraine', 'NATO'],
      sources: src,
      title: 'Ukraine joins Partnership for Peace',
      summary: "Ukraine joined NATO's Partnership for Peace programme in February 1994.",
    },
    {
      id: 'austria-centre',
      date: '2014',
      type: 'other',
      actors: ['Austria'],
      sources: src,
      title: 'Austria becomes first non-NATO member of the cyber centre',
      summary:
        'In 2014 Austria became the first non-NATO nation to join the Cooperative Cyber Defence Centre of Excellence, as a contributing participant.',
    },
    {
      id: 'ukraine-centre',
      date: '2023-05-16',
      type: 'decision',
      actors: ['Ukraine'],
      sources: src,
      title: 'Ukraine joins the cyber centre',
      summary: 'Ukraine formally joined the Cooperative Cyber Defence Centre of Excellence in Tallinn on 16 May 2023.',
    },
    {
      id: 'priority-law',
      date: '2017-06-08',
      type: 'law',
      actors: ['Ukraine', 'Andriy Parubiy'],
      sources: src,
      title: 'Rada makes NATO membership a foreign-policy priority',
      summary:
        'On 8 June 2017 the Verkhovna Rada passed bill No. 6470 (authored by Speaker Andriy Parubiy) to make NATO membership a foreign-policy priority.',
    },
    {
      id: 'no-jets',
      date: '2022-03-01',
      type: 'statement',
      actors: ['Andrzej Duda', 'Poland'],
      sources: src,
      title: 'Duda says Poland will not send jets',
      summary: 'On 1 March 2022 President Andrzej Duda said Poland would not send fighter jets to Ukraine.',
    },
    {
      id: 'command',
      date: '2024-07-10',
      type: 'decision',
      actors: ['NATO'],
      sources: src,
      title: 'NATO creates a command for Ukraine',
      summary: 'NATO decided to create a command for Ukraine with about 700 personnel headquartered in Wiesbaden, Germany.',
    },
  ],
});
const source = memoryEvidenceSource(record);

const table: [string, 'supported' | 'contradicted' | 'unverifiable', RegExp?][] = [
  ['President Kuchma signed the Charter on a Distinctive Partnership in Madrid on 9 July 1997.', 'supported'],
  ['In the summer of 1997 Kuchma put his name to the Charter on a Distinctive Partnership.', 'supported'],
  ['The Charter on a Distinctive Partnership was signed in 1998.', 'contradicted', /9 July 1997/],
  ['The Charter on a Distinctive Partnership was signed in Brussels in July 1997.', 'contradicted', /Madrid, not Brussels/],
  ["Ukraine joined NATO's Partnership for Peace in 1996.", 'contradicted', /February 1994/],
  ["Ukraine joined NATO's Partnership for Peace in February 1994.", 'supported'],
  ['Ukraine was the first non-NATO nation to join the Cooperative Cyber Defence Centre of Excellence.', 'contradicted', /Austria/],
  ['In 2014 Austria became the first non-NATO nation to join the Cooperative Cyber Defence Centre of Excellence.', 'supported'],
  [
    'The bill that made NATO membership a foreign-policy priority in June 2017 was drafted by President Poroshenko.',
    'contradicted',
    /Parubiy/,
  ],
  ['On 1 March 2022 President Duda said Poland would send fighter jets to Ukraine.', 'contradicted', /opposite/],
  ['On 1 March 2022 President Duda said Poland would not send fighter jets to Ukraine.', 'supported'],
  ['The NATO command for Ukraine is headquartered in Wiesbaden with about 700 personnel.', 'supported'],
  ['The NATO command for Ukraine is headquartered in Wiesbaden with about 300 personnel.', 'contradicted', /700/],
  ['The Charter on a Distinctive Partnership was negotiated over ten rounds of talks in Brussels.', 'unverifiable'],
  ['Kuchma discussed the Partnership for Peace with Poroshenko in a phone call in 1994.', 'unverifiable'],
  ['A 2019 opinion poll found 60 percent of Ukrainians in favour of joining NATO.', 'unverifiable'],
];

for (const [text, verdict, explanation] of table) {
  test(`${verdict}: ${text}`, async () => {
    const { claims } = await checkText(text, source);
    assert.equal(claims.length, 1);
    assert.equal(claims[0]!.verdict, verdict, claims[0]!.explanation);
    if (explanation) assert.match(claims[0]!.explanation, explanation);
    if (verdict !== 'unverifiable') assert.ok(claims[0]!.evidence.length > 0);
  });
}

test('sentences with nothing checkable are not claims', async () => {
  const { claims } = await checkText('This is an opinion. We think so too!', source);
  assert.deepEqual(claims, []);
});

// A record that disagrees on two independent details, and agrees on none, describes another act.
const d = (kind: DetailResult['kind'], status: DetailResult['status'], claim = 'x'): DetailResult => ({ kind, status, claim });
const acts: [string, DetailResult[], Set<string>, boolean][] = [
  ['date and place both differ', [d('date', 'conflict'), d('place', 'conflict')], new Set(), true],
  ['only the date differs', [d('date', 'conflict'), d('place', 'agree')], new Set(), false],
  ['only the place differs', [d('date', 'agree'), d('place', 'conflict')], new Set(), false],
  ['date differs, place unknown', [d('date', 'conflict'), d('place', 'unknown', 'Riga')], new Set(), false],
  ['date differs, the subject place unmentioned', [d('date', 'conflict'), d('place', 'unknown', 'Riga')], new Set(['Riga']), true],
  ['date and amount differ', [d('date', 'conflict'), d('amount', 'conflict')], new Set(), true],
  ['two dates differ, one kind', [d('date', 'conflict'), d('date', 'conflict')], new Set(), false],
  ['two differ, a third agrees', [d('date', 'conflict'), d('place', 'conflict'), d('amount', 'agree')], new Set(), false],
  ['parties do not count', [d('date', 'conflict'), d('party', 'unknown')], new Set(), false],
];
for (const [name, details, subjectPlaces, expected] of acts) {
  test(`another act? ${name}: ${expected}`, () => assert.equal(anotherAct(details, subjectPlaces), expected));
}
