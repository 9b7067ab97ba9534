import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commitmentDeadline, commitmentStatus, trackCommitment } from '../../src/domain/commitment-status.ts';
import { commitmentProgress } from '../../src/domain/progress.ts';
import type { Commitment, Delivery } from '../../src/domain/schemas.ts';
import type { CommitmentStatus } from '../../src/domain/vocabulary.ts';
import { commitment, delivery, shippedRecord } from './fixtures.ts';

const EUR_100 = { amount: 100, currency: 'EUR' };
const JETS_10 = { quantity: 10, unit: 'F-16 aircraft' };
const WITHDRAWAL = {
  date: '2024-05',
  reason: 'Cancelled.',
  sources: [{ url: 'https://example.org/withdrawal' }],
};

const cases: {
  name: string;
  commitment: Commitment;
  deliveries: Delivery[];
  today: string;
  status: CommitmentStatus;
  ratio?: number | null;
}[] = [
  // No deadline
  {
    name: 'no deadline, nothing delivered',
    commitment: commitment(EUR_100),
    deliveries: [],
    today: '2030-01-01',
    status: 'pending',
    ratio: 0,
  },
  {
    name: 'no deadline, partly delivered',
    commitment: commitment(EUR_100),
    deliveries: [delivery({ amount: 40, currency: 'EUR' })],
    today: '2030-01-01',
    status: 'in-progress',
    ratio: 0.4,
  },
  {
    name: 'no deadline, fully delivered',
    commitment: commitment(EUR_100),
    deliveries: [delivery({ amount: 100, currency: 'EUR' })],
    today: '2030-01-01',
    status: 'fulfilled',
    ratio: 1,
  },
  // Deadline and today
  {
    name: 'deadline ahead, nothing delivered',
    commitment: commitment({ ...EUR_100, due: '2024-12-31' }),
    deliveries: [],
    today: '2024-06-01',
    status: 'pending',
  },
  {
    name: 'deadline today is not overdue',
    commitment: commitment({ ...EUR_100, due: '2024-12-31' }),
    deliveries: [],
    today: '2024-12-31',
    status: 'pending',
  },
  {
    name: 'deadline yesterday, nothing delivered',
    commitment: commitment({ ...EUR_100, due: '2024-12-31' }),
    deliveries: [],
    today: '2025-01-01',
    status: 'overdue',
  },
  {
    name: 'deadline passed, partly delivered',
    commitment: commitment({ ...EUR_100, due: '2024-12-31' }),
    deliveries: [delivery({ amount: 60, currency: 'EUR' })],
    today: '2025-01-01',
    status: 'overdue',
    ratio: 0.6,
  },
  {
    name: 'deadline passed, fulfilled in time',
    commitment: commitment({ ...EUR_100, due: '2024-12-31' }),
    deliveries: [delivery({ amount: 100, currency: 'EUR' })],
    today: '2026-01-01',
    status: 'fulfilled',
    ratio: 1,
  },
  {
    name: 'year deadline "2024" runs to the end of 2024',
    commitment: commitment({ ...EUR_100, due: '2024' }),
    deliveries: [],
    today: '2024-12-31',
    status: 'pending',
  },
  {
    name: 'year deadline "2024" is overdue on 2025-01-01',
    commitment: commitment({ ...EUR_100, due: '2024' }),
    deliveries: [],
    today: '2025-01-01',
    status: 'overdue',
  },
  {
    name: 'month deadline "2024-02" runs to 29 February',
    commitment: commitment({ ...EUR_100, due: '2024-02' }),
    deliveries: [],
    today: '2024-02-29',
    status: 'pending',
  },
  {
    name: 'month deadline "2024-02" is overdue on 1 March',
    commitment: commitment({ ...EUR_100, due: '2024-02' }),
    deliveries: [],
    today: '2024-03-01',
    status: 'overdue',
  },
  // Amounts and units
  {
    name: 'over-delivery is fulfilled',
    commitment: commitment(EUR_100),
    deliveries: [delivery({ amount: 125, currency: 'EUR' })],
    today: '2024-06-01',
    status: 'fulfilled',
    ratio: 1.25,
  },
  {
    name: 'another currency does not count toward the target',
    commitment: commitment({ ...EUR_100, due: '2024' }),
    deliveries: [delivery({ amount: 500, currency: 'USD' })],
    today: '2024-06-01',
    status: 'in-progress',
    ratio: 0,
  },
  {
    name: 'another currency after the deadline is overdue',
    commitment: commitment({ ...EUR_100, due: '2024' }),
    deliveries: [delivery({ amount: 500, currency: 'USD' })],
    today: '2025-06-01',
    status: 'overdue',
    ratio: 0,
  },
  {
    name: 'running totals are not added up',
    commitment: commitment(JETS_10),
    deliveries: [
      delivery({ date: '2024-03', quantity: 6, unit: 'F-16 aircraft' }),
      delivery({ date: '2024-09', quantity: 8, unit: 'F-16 aircraft' }),
    ],
    today: '2024-10-01',
    status: 'in-progress',
    ratio: 0.8,
  },
  {
    name: 'the latest total counts even when lower',
    commitment: commitment(JETS_10),
    deliveries: [
      delivery({ date: '2024-09', quantity: 10, unit: 'F-16 aircraft' }),
      delivery({ date: '2024-11-02', quantity: 7, unit: 'F-16 aircraft' }),
    ],
    today: '2024-12-01',
    status: 'in-progress',
    ratio: 0.7,
  },
  {
    name: 'units match regardless of case and spacing',
    commitment: commitment(JETS_10),
    deliveries: [delivery({ quantity: 10, unit: ' f-16  Aircraft' })],
    today: '2024-10-01',
    status: 'fulfilled',
    ratio: 1,
  },
  {
    name: 'a different unit does not count',
    commitment: commitment(JETS_10),
    deliveries: [delivery({ quantity: 10, unit: 'pilots trained' })],
    today: '2024-10-01',
    status: 'in-progress',
    ratio: 0,
  },
  {
    name: 'a delivery stating zero is nothing delivered',
    commitment: commitment({ ...JETS_10, due: '2028' }),
    deliveries: [delivery({ quantity: 0, unit: 'F-16 aircraft' })],
    today: '2025-03-06',
    status: 'pending',
    ratio: 0,
  },
  {
    name: 'a delivery without a figure on a numbered commitment is progress',
    commitment: commitment(JETS_10),
    deliveries: [delivery()],
    today: '2025-01-01',
    status: 'in-progress',
    ratio: 0,
  },
  {
    name: 'fulfils: true does not override the figures',
    commitment: commitment(JETS_10),
    deliveries: [delivery({ quantity: 4, unit: 'F-16 aircraft', fulfils: true })],
    today: '2025-01-01',
    status: 'in-progress',
    ratio: 0.4,
  },
  {
    name: 'amount and quantity: the less advanced decides',
    commitment: commitment({ ...EUR_100, ...JETS_10 }),
    deliveries: [
      delivery({
        amount: 100,
        currency: 'EUR',
        quantity: 5,
        unit: 'F-16 aircraft',
      }),
    ],
    today: '2025-01-01',
    status: 'in-progress',
    ratio: 0.5,
  },
  {
    name: 'a promise of zero is met',
    commitment: commitment({ quantity: 0, unit: 'troops' }),
    deliveries: [],
    today: '2025-01-01',
    status: 'fulfilled',
    ratio: 1,
  },
  {
    name: "another commitment's deliveries are ignored",
    commitment: commitment(EUR_100),
    deliveries: [delivery({ commitment_id: 'other', amount: 100, currency: 'EUR' })],
    today: '2025-01-01',
    status: 'pending',
    ratio: 0,
  },
  // No number
  {
    name: 'no number, nothing delivered',
    commitment: commitment(),
    deliveries: [],
    today: '2025-01-01',
    status: 'pending',
    ratio: null,
  },
  {
    name: 'no number, a delivery without a figure is progress',
    commitment: commitment(),
    deliveries: [delivery()],
    today: '2025-01-01',
    status: 'in-progress',
    ratio: null,
  },
  {
    name: 'no number, a figure is progress',
    commitment: commitment(),
    deliveries: [delivery({ quantity: 60000, unit: 'soldiers trained' })],
    today: '2025-01-01',
    status: 'in-progress',
    ratio: null,
  },
  {
    name: 'no number, a delivery stating zero is nothing',
    commitment: commitment(),
    deliveries: [delivery({ quantity: 0, unit: 'aircraft' })],
    today: '2025-01-01',
    status: 'pending',
    ratio: null,
  },
  {
    name: 'no number, marked fulfilled by a sourced delivery',
    commitment: commitment(),
    deliveries: [delivery(), delivery({ fulfils: true })],
    today: '2025-01-01',
    status: 'fulfilled',
    ratio: null,
  },
  {
    name: 'no number, deadline passed without completion',
    commitment: commitment({ due: '2024' }),
    deliveries: [delivery()],
    today: '2025-01-01',
    status: 'overdue',
    ratio: null,
  },
  {
    name: 'no number, completed after the deadline is fulfilled',
    commitment: commitment({ due: '2024' }),
    deliveries: [delivery({ date: '2025-02', fulfils: true })],
    today: '2025-06-01',
    status: 'fulfilled',
    ratio: null,
  },
  // Withdrawn
  {
    name: 'withdrawn before anything was delivered',
    commitment: commitment({ ...EUR_100, due: '2024', withdrawn: WITHDRAWAL }),
    deliveries: [],
    today: '2025-01-01',
    status: 'withdrawn',
  },
  {
    name: 'withdrawn takes precedence over fulfilled',
    commitment: commitment({ ...EUR_100, withdrawn: WITHDRAWAL }),
    deliveries: [delivery({ amount: 100, currency: 'EUR' })],
    today: '2025-01-01',
    status: 'withdrawn',
  },
];

for (const c of cases) {
  test(`status: ${c.name}`, () => {
    assert.equal(commitmentStatus(c.commitment, c.deliveries, c.today), c.status);
    if (c.ratio !== undefined) assert.equal(commitmentProgress(c.commitment, c.deliveries).ratio, c.ratio);
  });
}

test('deadline is the last day of the due span', () => {
  for (const [due, deadline] of [
    [null, null],
    ['2024', '2024-12-31'],
    ['2023-02', '2023-02-28'],
    ['2025-03-31', '2025-03-31'],
  ] as const) {
    assert.equal(commitmentDeadline(commitment({ due })), deadline, String(due));
  }
});

test('progress lists every delivered currency and unit but never adds them', () => {
  const progress = commitmentProgress(commitment(EUR_100), [
    delivery({ date: '2024-01', amount: 30, currency: 'EUR' }),
    delivery({ date: '2024-02', amount: 50, currency: 'EUR' }),
    delivery({ date: '2024-03', amount: 70, currency: 'USD' }),
    delivery({ date: '2024-04', quantity: 3, unit: 'howitzers' }),
  ]);
  assert.deepEqual(progress, {
    targets: [{ kind: 'amount', currency: 'EUR', value: 100 }],
    delivered: [
      { kind: 'amount', currency: 'EUR', value: 50 },
      { kind: 'amount', currency: 'USD', value: 70 },
      { kind: 'quantity', unit: 'howitzers', value: 3 },
    ],
    allocated: [],
    ratio: 0.5,
  });
});

// The shipped Ukraine–NATO record: the statuses that follow from its deliveries on a fixed day.
test('reference record: statuses follow from the sourced deliveries', () => {
  const record = shippedRecord();
  const today = '2025-06-30';
  const tracked = new Map(record.commitments.map((c) => [c.id, trackCommitment(c, record.deliveries, today)]));
  const expected: Record<string, [CommitmentStatus, number | null]> = {
    'nato-40bn-baseline': ['fulfilled', 50 / 40], // €20.9bn then €50bn: totals, not €70.9bn
    'interflex-30000-by-2023': ['fulfilled', 34000 / 30000],
    'germany-2024-7-1bn': ['overdue', 0], // €8.4bn was a budget figure: allocated, not delivered
    'portugal-2024-126m': ['overdue', 0], // over €220m was a forecast: allocated, not delivered
    'netherlands-24-f16': ['fulfilled', 1],
    'france-2024-up-to-3bn': ['overdue', 0], // "above €2 billion" is recorded as allocated, so nothing counts as delivered
    'denmark-f16-capacity': ['in-progress', 6 / 19],
    'belgium-30-f16-by-2028': ['in-progress', 0], // a recorded delivery of quantity 0 (postponed), due end-2028
    'sweden-asc890-gripen': ['pending', 0],
    'norway-nasams-f16': ['in-progress', null], // "some had already arrived"
    'lithuania-0-25pct-gdp-annual': ['in-progress', null], // €80m so far, no number promised
    'eu-eumam-training': ['in-progress', null],
    'canada-2024-3-02bn': ['overdue', 2 / 3.02], // C$2bn of C$3.02bn received by March 2024
    'uk-2024-military-aid-2-5bn': ['overdue', 0],
    'italy-recovery-conference-2025': ['fulfilled', null], // URC2025 held in Rome on 10-11 July 2025 (a delivery that completes it)
    'us-supplemental-60bn': ['fulfilled', 61 / 60], // the appropriation was enacted on 24 April 2024
    'nato-representation-office': ['fulfilled', null], // ratified 4 February 2016, operating since
    'budapest-respect-borders-russia': ['breached', null], // the breach record: Russia, 2014
  };
  for (const [id, [status, ratio]] of Object.entries(expected)) {
    const item = tracked.get(id);
    assert.ok(item, id);
    assert.equal(item.status, status, id);
    if (ratio === null) assert.equal(item.progress.ratio, null, id);
    else assert.ok(Math.abs((item.progress.ratio ?? NaN) - ratio) < 1e-9, `${id}: ${item.progress.ratio} vs ${ratio}`);
  }
});

test('reference record: a delivery marked as completing a no-number commitment fulfils it', () => {
  const record = shippedRecord();
  const jatec = record.commitments.find((c) => c.id === 'jatec-establish-bydgoszcz');
  assert.ok(jatec);
  const deliveries = record.deliveries.filter((d) => d.commitment_id === jatec.id);
  assert.equal(commitmentStatus(jatec, deliveries, '2025-06-30'), 'fulfilled');
  const unmarked = deliveries.map((d) => ({ ...d, fulfils: false }));
  assert.equal(commitmentStatus(jatec, unmarked, '2025-06-30'), 'in-progress');
  // Before the opening on 17 February 2025, only initial operational capability was reported: not yet fulfilled.
  assert.equal(
    commitmentStatus(
      jatec,
      deliveries.filter((d) => d.date < '2025-02-17'),
      '2025-06-30',
    ),
    'in-progress',
  );
});
