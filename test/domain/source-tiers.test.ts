import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compileTierTable,
  sourceTier,
  strongestFirst,
  tableTier,
  withoutRedundantTiers,
  withSourceTiers,
} from '../../src/domain/source-tiers.ts';
import type { SourceTier } from '../../src/domain/vocabulary.ts';
import { loadSourceTierTable } from '../../src/io/source-tier-table.ts';

const table = compileTierTable({
  'nato.int': 'primary',
  gov: 'primary',
  'gov.*': 'primary',
  'state.gov': 'primary',
  'pravda.com.ua': 'reputable',
  'pravda-*.com': 'denied',
  'news-pravda.com': 'denied',
  'dpsou.asia': 'denied',
  'ukrinform.*': 'reputable',
  'wikipedia.org': 'other',
  'example.gov': 'other',
  'web.archive.org': 'archive',
});

const cases: [string, SourceTier][] = [
  ['https://www.nato.int/cps/en/natohq/official_texts_25457.htm', 'primary'],
  ['https://nato.int/', 'primary'],
  ['https://fakenato.int/', 'other'], // whole labels only
  ['https://www.whitehouse.gov/briefing-room/', 'primary'], // "gov"
  ['https://www.gov.pl/web/diplomacy', 'primary'], // "gov.*"
  ['https://mfa.gov.ua/en/news', 'primary'],
  ['https://example.gov/', 'other'], // a longer key keeps a host out of a broad rule
  ['https://www.pravda.com.ua/eng/news/', 'reputable'],
  ['https://news-pravda.com/world/1', 'denied'],
  ['https://pravda-en.com/2024/', 'denied'],
  ['https://pravda.com/', 'other'], // "pravda-*" needs the hyphen
  ['https://446713.dpsou.asia/x', 'denied'],
  ['https://www.ukrinform.net/rubric-polytics/', 'reputable'],
  ['https://en.wikipedia.org/wiki/NATO', 'other'],
  ['https://WWW.NATO.INT./x', 'primary'], // case and a trailing dot
  ['https://blog.example.org/', 'other'],
  ['not a url', 'other'],
  // an archive's copy is worth what the page it copied is worth
  ['https://web.archive.org/web/20090107004058/http://www.nato.int/docu/update/2008/e1203b.html', 'primary'],
  ['https://web.archive.org/web/2014/https://446713.dpsou.asia/x', 'denied'],
  ['https://web.archive.org/web/2014/https://en.wikipedia.org/wiki/X', 'other'],
  ['https://web.archive.org/', 'other'], // no page inside
  // hosts the quick reading of plain names leaves to the URL parser, which finds the same host
  ['https://user@www.nato.int/x', 'primary'],
  ['https://www.nato.int:443/x', 'primary'],
  ['https://www.nato.int?x=1', 'primary'],
  ['  https://www.nato.int/', 'primary'],
  ['https://www.na\tto.int/', 'primary'],
  ['https://nato%2Eint/', 'primary'],
  ['https://1.2.3.4/', 'other'],
];

for (const [url, tier] of cases) test(`table tier: ${url} is ${tier}`, () => assert.equal(tableTier(url, table), tier));

test('an override wins over the table', () => {
  assert.equal(sourceTier('https://en.wikipedia.org/wiki/X', 'reputable', table), 'reputable');
  assert.equal(sourceTier('https://en.wikipedia.org/wiki/X', null, table), 'other');
});

test('a bad table entry is refused', () => {
  assert.throws(() => compileTierTable({ 'x.org': 'trusted' }), /not one of/);
  assert.throws(() => compileTierTable({ 'a..b': 'other' }), /not a host suffix/);
});

test('strongest first, stable within a tier', () => {
  const sorted = strongestFirst([
    { url: 'a', tier: 'other' as const },
    { url: 'b', tier: 'primary' as const },
    { url: 'c', tier: 'denied' as const },
    { url: 'd', tier: 'reputable' as const },
    { url: 'e', tier: 'primary' as const },
  ]);
  assert.deepEqual(
    sorted.map((s) => s.url),
    ['b', 'e', 'd', 'a', 'c'],
  );
});

test('tiers are added to every sources list at any depth, and redundant overrides dropped', () => {
  const record = {
    id: 'c',
    sources: [{ url: 'https://www.nato.int/a', tier: null }],
    breach: { date: '2014', sources: [{ url: 'https://blog.example.org/', tier: 'reputable' as const }] },
    note: { sources: 'not a list of sources' },
  };
  const shown = withSourceTiers({ items: [record] }, table);
  assert.deepEqual(shown.items[0]!.sources, [{ url: 'https://www.nato.int/a', tier: 'primary' }]);
  assert.deepEqual(shown.items[0]!.breach.sources, [{ url: 'https://blog.example.org/', tier: 'reputable' }]);
  assert.equal(shown.items[0]!.note, record.note);
  assert.equal(record.sources[0]!.tier, null, 'the input is not changed');

  const back = withoutRedundantTiers(shown.items[0]!, table);
  assert.deepEqual(back.sources, [{ url: 'https://www.nato.int/a', tier: null }]);
  assert.deepEqual(back.breach.sources, [{ url: 'https://blog.example.org/', tier: 'reputable' }], 'a real override stays');
  assert.equal(withoutRedundantTiers(record, table), record, 'nothing to drop: the same object');
});

test('the shipped table gives the tiers the record relies on', () => {
  const shipped = loadSourceTierTable();
  for (const [url, tier] of [
    ['https://www.nato.int/cps/en/natohq/official_texts_227678.htm', 'primary'],
    ['https://www.president.gov.ua/en/news/x', 'primary'],
    ['https://zakon.rada.gov.ua/laws/show/x', 'primary'],
    ['https://www.gov.uk/government/news/x', 'primary'],
    ['https://www.bundesregierung.de/breg-en/x', 'primary'],
    ['https://www.elysee.fr/en/x', 'primary'],
    ['https://www.consilium.europa.eu/en/x', 'primary'],
    ['https://www.reuters.com/world/x', 'reputable'],
    ['https://kyivindependent.com/x', 'reputable'],
    ['https://www.ifw-kiel.de/topics/x', 'reputable'],
    ['https://tass.com/politics/1', 'denied'],
    ['https://sputnikglobe.com/x', 'denied'],
    ['https://kenyan-post.com/x', 'denied'],
    ['https://en.wikipedia.org/wiki/x', 'other'],
  ] as const) {
    assert.equal(tableTier(url, shipped), tier, url);
  }
});
