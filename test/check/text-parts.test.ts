// Table tests for the smaller readers: units, names, places, negation, actions, order.
import { winkTagger } from '../../src/check/wink-tagger.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../src/domain/check/analyze-text.ts';
import { buildFrame } from '../../src/domain/check/claim-frame.ts';
import { findActions } from '../../src/domain/check/find-actions.ts';
import { negatedTokens } from '../../src/domain/check/find-negations.ts';
import { findPlaces } from '../../src/domain/check/find-places.ts';
import { buildGazetteer } from '../../src/domain/check/gazetteer.ts';
import { splitClaims } from '../../src/domain/check/units.ts';
import { generalKnowledge } from '../../src/check/general-knowledge.ts';
import { tokenize } from '../../src/domain/check/tokenize.ts';
import { referenceRecord } from './reference-record.ts';

const record = await referenceRecord();
const knowledge = generalKnowledge();
const gazetteer = buildGazetteer(
  record.parties,
  record.events.flatMap((e) => e.actors),
  knowledge.demonyms,
  knowledge.countryNames,
);
const lexicon = { gazetteer, acronyms: new Map(), knowledge };

test('splits sentences and keeps offsets, not at abbreviations', () => {
  const text =
    'The U.S. and Ukraine signed it in Washington, D.C. on 19 December 2008. Bill No. 6470 passed; it was authored by Speaker Andriy Parubiy and backed by 276 deputies in the Rada.';
  const spans = splitClaims(text);
  assert.deepEqual(
    spans.map((s) => s.text),
    [
      'The U.S. and Ukraine signed it in Washington, D.C. on 19 December 2008.',
      'Bill No. 6470 passed; it was authored by Speaker Andriy Parubiy and backed by 276 deputies in the Rada.',
    ],
  );
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
});

const names: [string, string[]][] = [
  ['Kyiv and Kiev both mean Ukraine', ['ukraine', 'ukraine', 'ukraine']],
  ['the Alliance met', ['nato']],
  ['Ukrainian President Petro Poroshenko', ['ukraine', 'petro-poroshenko']],
  ["Ukraine's parliament voted", ['verkhovna-rada']],
  ['Britain and the UK', ['united-kingdom', 'united-kingdom']],
  // A state goes by the names general knowledge has for its country, beyond the record's aliases.
  ['the U.K. and Czechia', ['united-kingdom', 'czechia']],
  ['Polish President Duda', ['poland', 'andrzej-duda']],
  ['authored by Speaker Andriy Parubiy', ['andriy-parubiy']],
  ['Zelenskyy and Stoltenberg', ['volodymyr-zelenskyy', 'jens-stoltenberg']],
  ['us and them, rice and store', []],
  // An office names whoever held it, so it is no name of one person.
  ['the first NATO Secretary General to visit', ['nato']],
];
for (const [text, ids] of names) {
  test(`names in "${text}"`, () =>
    assert.deepEqual(
      gazetteer.find(tokenize(text)).map((m) => m.ids[0]),
      ids,
    ));
}

const places: [string, string[]][] = [
  ['It was signed in Moscow in January 1994.', ['Moscow']],
  ['The Budapest Memorandum was signed.', []],
  ['headquartered at Ramstein and has 300 staff', ['Ramstein']],
  ['approved at the Warsaw summit in July 2016', ['Warsaw']],
  ['Stoltenberg first visited Kiev after the invasion', ['Kyiv']],
  ['the Tallinn cyber defence centre', []],
  ['with about 700 personnel headquartered in Wiesbaden, Germany', ['Wiesbaden', 'Germany']],
  ['at The Hague summit', ['The Hague']],
  ['his first official foreign visit as president to Paris', ['Paris']],
  ['the first visit by a NATO Secretary General to Kyiv', ['Kyiv']],
  ['Ukraine sent a letter to Brussels', []],
];
for (const [text, expected] of places) {
  test(`places in "${text}"`, () =>
    assert.deepEqual(
      findPlaces(tokenize(text), text, knowledge.places).map((p) => p.name),
      expected,
    ));
}

const negations: [string, string, boolean][] = [
  ['Duda said Poland would not send fighter jets', 'send', true],
  ['Duda said Poland would send fighter jets', 'send', false],
  ['NATO stopped short of granting a Membership Action Plan', 'granting', true],
  ['but did not grant a Membership Action Plan', 'grant', true],
  ['it contained no promise of membership', 'promise', true],
  ['Ukraine never joined the bloc', 'joined', true],
  ['bill No. 6470 passed', 'passed', false],
  ['NATO did not act, but allies sent aid', 'sent', false],
  ['ministers rejected a no-fly zone', 'zone', true],
  ['allies agreed to impose a no-fly zone', 'zone', false],
  ['several allies opposed granting a Membership Action Plan', 'granting', true],
  ['NATO and the US rejected Russia’s demands', 'demands', true],
];
for (const [text, word, negated] of negations) {
  test(`"${word}" is ${negated ? '' : 'not '}denied in "${text}"`, () => {
    const tokens = tokenize(text);
    const i = tokens.findIndex((t) => t.lower === word);
    assert.equal(negatedTokens(tokens, text).has(i), negated);
  });
}

const actions: [string, string][] = [
  ['The Charter was signed in Madrid', 'sign'],
  ['President Kuchma put his name to the Charter', 'sign'],
  ['The Rada adopted the law', 'adopt'],
  ['Ukraine joined the Partnership for Peace', 'join'],
  ['the centre voted to let Ukraine in', 'vote'],
  ['Ukraine applied for accelerated accession', 'apply'],
  ['NATO invited Ukraine to begin a dialogue', 'invite'],
  ['NATO launched the Intensified Dialogue', 'launch'],
  ['the amendments entered into force', 'in-force'],
  ['The constitutional changes took effect', 'in-force'],
  ['Wörner travelled to Kyiv', 'visit'],
  ['Ukraine received its first Dutch F-16s', 'provide'],
];
for (const [text, action] of actions) {
  test(`"${text}" is an act of ${action}`, () => assert.equal(findActions(text)[0]?.action, action));
}

const orders: [string, string, string | undefined][] = [
  ['Ukraine was the very first nation outside NATO to join.', 'first', 'ukraine'],
  ["In June 2020 Ukraine became NATO's first-ever partner.", 'first', 'ukraine'],
  ['Germany signed, becoming the second country after the UK.', 'second', 'germany'],
  ['It was NATO’s only partner in all operations.', 'only', 'nato'],
  ['The first summit-level session was held in Washington.', 'first', undefined],
  ['The NATO-Ukraine Council held its inaugural meeting.', 'first', 'nato-ukraine-council'],
];
for (const [text, kind, subject] of orders) {
  test(`order in "${text}"`, () => {
    const [o, ...rest] = analyzeText(text, lexicon).ordinals;
    assert.equal(rest.length, 0);
    assert.equal(o!.kind, kind);
    assert.equal(o!.subject?.[0], subject);
  });
}

test('no order in "the first day of the summit", "first reading", "on the last day"', () => {
  for (const text of ['On the first day of the summit', 'passed in first reading', 'on the last day of the summit'])
    assert.deepEqual(analyzeText(text, lexicon).ordinals, [], text);
});

test('a body involves the parties it is named after', () => {
  assert.deepEqual(gazetteer.parts('nato-ukraine-commission').sort(), ['nato', 'ukraine']);
  assert.deepEqual(gazetteer.parts('ukraine'), []);
});

test('a region is a place of its own, not its country', () => {
  const text = 'Rumsfeld met Kuchma in Crimea.';
  const [p] = findPlaces(tokenize(text), text, knowledge.places);
  assert.equal(p?.name, 'Crimea');
  assert.equal(p?.isCountry, false);
});

test('the tagger reads a word it has no lemma for ("wont") as itself', () => {
  const tags = winkTagger('It acted against Hungary’s wont.');
  assert.equal(tags.find((t) => t.text === 'wont')?.lemma, 'wont');
});

test('a capitalised word the tagger reads as a verb is not the main verb ("NATO Heads of State met")', () => {
  const text = 'NATO Heads of State and Government met with President Poroshenko in 2014.';
  const lexicon = { gazetteer: buildGazetteer([]), acronyms: new Map(), knowledge: generalKnowledge() };
  assert.equal(buildFrame(analyzeText(text, lexicon), winkTagger(text)).verb, 'meet');
});
