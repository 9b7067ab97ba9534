import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDates, formatPartialDate } from '../../src/domain/check/find-dates.ts';

const cases: [string, string, string, string, string?][] = [
  // text, date text, from, to, bound
  ['It was signed on February 8, 2019, during a visit.', 'February 8, 2019', '2019-02-08', '2019-02-08'],
  ['The changes took effect on 21 Feb 2019.', '21 Feb 2019', '2019-02-21', '2019-02-21'],
  ['In October 2020, Ukraine became a partner.', 'October 2020', '2020-10-01', '2020-10-31'],
  ['Ukraine joined in 2008.', '2008', '2008-01-01', '2008-12-31'],
  ['It happened in the spring of 2008.', 'spring of 2008', '2008-03-01', '2008-05-31'],
  ['In the summer of 1997, at Madrid.', 'summer of 1997', '1997-06-01', '1997-08-31'],
  ['In mid-2010 the policy had changed.', 'mid-2010', '2010-04-01', '2010-09-30'],
  ['In the early 1990s Ukraine joined the NACC.', 'early 1990s', '1990-01-01', '1993-12-31'],
  ['Allies gave more in the first half of 2024.', 'first half of 2024', '2024-01-01', '2024-06-30'],
  ['For the financial year 2024/25.', '2024/25', '2024-01-01', '2025-12-31'],
  ['On 22-23 February 1992 Wörner visited Kyiv.', '22-23 February 1992', '1992-02-22', '1992-02-23'],
  ['Allies will spend 5% by 2035.', '2035', '2035-01-01', '2035-12-31', 'by'],
  ['Stoltenberg visited after 2022.', '2022', '2022-01-01', '2022-12-31', 'after'],
];

for (const [text, date, from, to, bound] of cases) {
  test(`finds "${date}" in "${text}"`, () => {
    const found = findDates(text);
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0]!.text, date);
    assert.equal(found[0]!.from, from);
    assert.equal(found[0]!.to, to);
    assert.equal(found[0]!.bound, bound);
    assert.equal(text.slice(found[0]!.start, found[0]!.end), date);
  });
}

const none = [
  'Bill No. 6470 passed with 276 votes.',
  'Germany signed, the second after the UK.',
  'About 700 personnel serve there.',
  'It was on Thursday.',
];
for (const text of none) {
  test(`finds no date in "${text}"`, () => assert.deepEqual(findDates(text), []));
}

test('formats partial dates as people write them', () => {
  assert.equal(formatPartialDate('1997-07-09'), '9 July 1997');
  assert.equal(formatPartialDate('1994-02'), 'February 1994');
  assert.equal(formatPartialDate('2014'), '2014');
});

test('a year that names a thing is attributive; one that dates an act is not', () => {
  const [cause, act] = findDates('It was founded in May 2008 after the 2007 cyberattacks.').sort((a, b) => b.start - a.start);
  assert.equal(cause!.attributive, true);
  assert.equal(act!.attributive, undefined);
  assert.equal(findDates('Ukraine joined in 2008 and left.')[0]!.attributive, undefined);
  assert.equal(findDates("Ukraine's 2024 package was large.")[0]!.attributive, true);
});
