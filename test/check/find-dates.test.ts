import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datedDays, findDates, formatPartialDate, pageRelativeDates, pageStamp } from '../../src/domain/check/find-dates.ts';

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

const stamps: [text: string, date: string | undefined][] = [
  [' date 2022-09-30 Volodymyr Zelensky announced', '2022-09-30'],
  ['date 2024-02 PARIS -- Zelenskyy signed', '2024-02'],
  ['date 2023-07-11 11.07.2023 21:13The heads of state', '2023-07-11'],
  ['Published: 12 January 2024', '2024-01-12'],
  ['Updated: Jan. 5, 2024, 3:12 p.m. The text', '2024-01-05'],
  ['11.07.2023 21:13 The heads of state', '2023-07-11'],
  // A sentence that opens with a date is no stamp: only a numeric date or a label makes one.
  ['July 1997 saw the Charter signed.', undefined],
  ['2024 was a year of agreements.', undefined],
  ['On 9 July 1997 the Charter was signed.', undefined],
];
for (const [text, date] of stamps) {
  test(`the page stamp of "${text}" is ${date ?? 'none'}`, () => assert.equal(pageStamp(text)?.date, date));
}

test('the stamp is blanked from the sentence it precedes', () => {
  const text = 'date 2024-02 PARIS -- Zelenskyy signed';
  assert.equal(text.slice(pageStamp(text)!.length), 'PARIS -- Zelenskyy signed');
});

test('a day without its year is the last such day on or before the page date', () => {
  const days = [
    { text: 'Friday', start: 0, end: 6, weekday: 5 },
    { text: 'Thursday', start: 0, end: 8, weekday: 4 },
    { text: 'September 30', start: 0, end: 12, monthDay: '09-30' },
    { text: 'December 20', start: 0, end: 11, monthDay: '12-20' },
  ];
  assert.deepEqual(
    datedDays(days, '2022-09-30').map((d) => [d.from, d.anchored]),
    [
      ['2022-09-30', true],
      ['2022-09-29', true],
      ['2022-09-30', true],
      ['2021-12-20', true],
    ],
  );
  assert.deepEqual(datedDays(days, '2022-09'), []);
  assert.deepEqual(datedDays(days, undefined), []);
});

const relative: [text: string, from: string, to: string][] = [
  ['It was signed today.', '2024-01-12', '2024-01-12'],
  ['He arrived yesterday.', '2024-01-11', '2024-01-11'],
  ['They met this week.', '2024-01-06', '2024-01-12'],
  ['They met last week.', '2023-12-30', '2024-01-11'],
  ['It was agreed last month.', '2023-12-01', '2023-12-31'],
  ['It was agreed this year.', '2024-01-01', '2024-12-31'],
  ['It was agreed last year.', '2023-01-01', '2023-12-31'],
];
for (const [text, from, to] of relative) {
  test(`"${text}" on a page of 12 January 2024 is ${from} to ${to}`, () => {
    const [d] = pageRelativeDates(text, '2024-01-12');
    assert.deepEqual([d?.from, d?.to, d?.anchored], [from, to, true]);
  });
}

test('a page dated to the month dates "last month" and "this year", not "yesterday"', () => {
  assert.deepEqual(
    pageRelativeDates('Signed last month, yesterday, this year.', '2024-02').map((d) => [d.text, d.from, d.to]),
    [
      ['last month', '2024-01-01', '2024-01-31'],
      ['this year', '2024-01-01', '2024-12-31'],
    ],
  );
});

test('without a page date, "today" and "last year" date nothing', () => {
  assert.deepEqual(pageRelativeDates('It was signed today, as last year.', undefined), []);
  assert.deepEqual(findDates('It was signed today, as last year.'), []);
});
