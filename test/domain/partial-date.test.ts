import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePartialDate } from '../../src/domain/partial-date.ts';

const CASES: [string, ReturnType<typeof parsePartialDate>][] = [
  ['2008', { start: '2008-01-01', end: '2008-12-31', precision: 'year' }],
  ['2008-04', { start: '2008-04-01', end: '2008-04-30', precision: 'month' }],
  ['2008-04-03', { start: '2008-04-03', end: '2008-04-03', precision: 'day' }],
  ['2024-02', { start: '2024-02-01', end: '2024-02-29', precision: 'month' }],
  ['2023-02', { start: '2023-02-01', end: '2023-02-28', precision: 'month' }],
  ['2000-02', { start: '2000-02-01', end: '2000-02-29', precision: 'month' }],
  ['1900-02', { start: '1900-02-01', end: '1900-02-28', precision: 'month' }],
  ['2024-02-29', { start: '2024-02-29', end: '2024-02-29', precision: 'day' }],
  ['2023-02-29', { error: '"2023-02-29" has no day 29 in that month' }],
  ['2020-02-30', { error: '"2020-02-30" has no day 30 in that month' }],
  ['2021-06-31', { error: '"2021-06-31" has no day 31 in that month' }],
  ['2021-13', { error: '"2021-13" has no month 13' }],
  ['2021-00-10', { error: '"2021-00-10" has no month 00' }],
  ['2021-1-10', { error: '"2021-1-10" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD' }],
];

for (const [text, expected] of CASES) {
  test(`parsePartialDate(${JSON.stringify(text)})`, () => assert.deepEqual(parsePartialDate(text), expected));
}

test('every month from 1600 to 2400 ends on the day the calendar says', () => {
  for (let year = 1600; year <= 2400; year++) {
    for (let month = 1; month <= 12; month++) {
      const text = `${year}-${String(month).padStart(2, '0')}`;
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      assert.deepEqual(parsePartialDate(text), { start: `${text}-01`, end: `${text}-${last}`, precision: 'month' }, text);
    }
  }
});
