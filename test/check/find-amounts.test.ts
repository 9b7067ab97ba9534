import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amountsAgree, findAmounts, sameQuantity, type Amount } from '../../src/domain/check/find-amounts.ts';

const cases: [string, number, string | undefined, string | undefined, string][] = [
  // text, value, currency, first unit stem, hedge
  ['a minimum baseline funding of €40 billion', 40e9, 'EUR', undefined, 'more'],
  ['EUR 2bn for 2024', 2e9, 'EUR', undefined, 'exact'],
  ['$500 million in aid', 500e6, 'USD', undefined, 'exact'],
  ['more than C$3 billion of aid', 3e9, 'CAD', undefined, 'more'],
  ['£2.5bn of military aid', 2.5e9, 'GBP', undefined, 'exact'],
  ['with about 700 personnel', 700, undefined, 'personnel', 'about'],
  ['around 300 staff', 300, undefined, 'personnel', 'about'],
  ['more than 40 areas of support', 40, undefined, 'area', 'more'],
  ['roughly 60 percent of Ukrainians', 60, undefined, '%', 'about'],
  ['ten rounds of talks', 10, undefined, 'round', 'exact'],
  ['3 billion euros', 3e9, 'EUR', undefined, 'exact'],
];

for (const [text, value, currency, unit, hedge] of cases) {
  test(`reads "${text}"`, () => {
    const [a, ...rest] = findAmounts(text);
    assert.equal(rest.length, 0, JSON.stringify(rest));
    assert.equal(a!.value, value);
    assert.equal(a!.currency, currency);
    if (unit) assert.equal(a!.unit[0], unit);
    assert.equal(a!.hedge, hedge);
  });
}

test('does not read ids, ordinals or hyphenated numbers as amounts', () => {
  assert.deepEqual(findAmounts('bill No. 6470, the 50th anniversary, F-16 jets, a ten-year deal'), []);
});

const a = (value: number, hedge: Amount['hedge'], unit = ['personnel'], slack = 0): Amount => ({
  text: '',
  start: 0,
  end: 0,
  value,
  unit,
  hedge,
  slack,
});
const agreement: [Amount, Amount, boolean][] = [
  [a(700, 'about'), a(700, 'about'), true],
  [a(300, 'about'), a(700, 'about'), false],
  [a(680, 'about'), a(700, 'exact'), true],
  [a(40, 'more'), a(40, 'more'), true],
  [a(24, 'exact'), a(18, 'exact'), false],
  [a(7e9, 'exact', [], 0.5e9), a(7.1e9, 'exact'), true],
  [a(60e9, 'more', [], 5e9), a(40e9, 'more'), false],
  [a(40e9, 'more', [], 5e9), a(40e9, 'more'), true],
  [a(30, 'more'), a(40, 'more'), false],
];
for (const [claim, record, agrees] of agreement) {
  test(`${claim.hedge} ${claim.value} vs ${record.hedge} ${record.value}: ${agrees ? 'agree' : 'disagree'}`, () =>
    assert.equal(amountsAgree(claim, record), agrees));
}

test('compares only the same quantity', () => {
  assert.ok(sameQuantity(a(1, 'exact', ['personnel']), a(2, 'exact', ['personnel'])));
  assert.ok(!sameQuantity(a(1, 'exact', ['personnel']), a(2, 'exact', ['area'])));
  assert.ok(!sameQuantity({ ...a(1, 'exact', []), currency: 'EUR' }, { ...a(1, 'exact', []), currency: 'GBP' }));
});
