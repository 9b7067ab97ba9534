// Issue 13's status model: breaches, delivery stages, evidence and recurring schedules, as
// tables of cases over the pure domain functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import { describeTracked, trackCommitment } from '../../src/domain/commitment-status.ts';
import { periodIndexOf } from '../../src/domain/commitment-schedule.ts';
import { summarize } from '../../src/domain/rollups.ts';
import { commitmentSchema, type Commitment, type Delivery } from '../../src/domain/schemas.ts';
import type { CommitmentStatus, Evidence, PeriodStatus } from '../../src/domain/vocabulary.ts';
import { commitment, delivery } from './fixtures.ts';

const EUR_100 = { amount: 100, currency: 'EUR' };
const SOURCES = [{ url: 'https://example.org/breach' }];
const BREACH = { date: '2014-02', by: 'russia', description: 'Annexed Crimea.', sources: SOURCES };
const WITHDRAWAL = { date: '2015', reason: 'Cancelled.', sources: SOURCES };

const cases: {
  name: string;
  commitment: Commitment;
  deliveries: Delivery[];
  today?: string;
  status: CommitmentStatus;
  evidence: Evidence;
  ratio?: number | null;
}[] = [
  // Breach
  {
    name: 'a breach with nothing delivered',
    commitment: commitment({ breach: BREACH }),
    deliveries: [],
    status: 'breached',
    evidence: 'none',
  },
  {
    name: 'a breach outranks fulfilment',
    commitment: commitment({ ...EUR_100, breach: BREACH }),
    deliveries: [delivery({ amount: 100, currency: 'EUR' })],
    status: 'breached',
    evidence: 'full',
  },
  {
    name: 'a breach outranks a withdrawal',
    commitment: commitment({ breach: BREACH, withdrawn: WITHDRAWAL }),
    deliveries: [],
    status: 'breached',
    evidence: 'none',
  },
  {
    name: 'a breach outranks overdue',
    commitment: commitment({ ...EUR_100, due: '2020', breach: BREACH }),
    deliveries: [],
    status: 'breached',
    evidence: 'none',
  },
  // Stage
  {
    name: 'an allocation is in progress, not delivered',
    commitment: commitment(EUR_100),
    deliveries: [delivery({ amount: 100, currency: 'EUR', stage: 'allocated' })],
    status: 'in-progress',
    evidence: 'partial',
    ratio: 0,
  },
  {
    name: 'an allocation past the deadline is overdue',
    commitment: commitment({ ...EUR_100, due: '2024' }),
    deliveries: [delivery({ amount: 100, currency: 'EUR', stage: 'allocated' })],
    status: 'overdue',
    evidence: 'partial',
    ratio: 0,
  },
  {
    name: 'an allocation marked fulfils does not fulfil',
    commitment: commitment(),
    deliveries: [delivery({ stage: 'allocated', fulfils: true })],
    status: 'in-progress',
    evidence: 'partial',
    ratio: null,
  },
  {
    name: 'allocated then delivered counts the delivery',
    commitment: commitment(EUR_100),
    deliveries: [
      delivery({ date: '2024-01', amount: 100, currency: 'EUR', stage: 'allocated' }),
      delivery({ date: '2024-06', amount: 100, currency: 'EUR' }),
    ],
    status: 'fulfilled',
    evidence: 'full',
    ratio: 1,
  },
  // Evidence
  {
    name: 'nothing recorded is no evidence',
    commitment: commitment({ ...EUR_100, due: '2024' }),
    deliveries: [],
    status: 'overdue',
    evidence: 'none',
    ratio: 0,
  },
  {
    name: 'a stated zero is evidence (of nothing delivered)',
    commitment: commitment({ ...EUR_100, due: '2024' }),
    deliveries: [delivery({ amount: 0, currency: 'EUR' })],
    status: 'overdue',
    evidence: 'partial',
    ratio: 0,
  },
  {
    name: 'part delivered is partial evidence',
    commitment: commitment(EUR_100),
    deliveries: [delivery({ amount: 40, currency: 'EUR' })],
    status: 'in-progress',
    evidence: 'partial',
    ratio: 0.4,
  },
  {
    name: 'a withdrawn commitment keeps its evidence',
    commitment: commitment({ ...EUR_100, withdrawn: WITHDRAWAL }),
    deliveries: [delivery({ amount: 40, currency: 'EUR' })],
    status: 'withdrawn',
    evidence: 'partial',
  },
];

for (const c of cases) {
  test(`model: ${c.name}`, () => {
    const tracked = trackCommitment(c.commitment, c.deliveries, c.today ?? '2025-06-30');
    assert.equal(tracked.status, c.status);
    assert.equal(tracked.evidence, c.evidence);
    if (c.ratio !== undefined) assert.equal(tracked.progress.ratio, c.ratio);
  });
}

test('progress reports allocations beside deliveries, each its latest total', () => {
  const tracked = trackCommitment(
    commitment(EUR_100),
    [
      delivery({ date: '2024-01', amount: 30, currency: 'EUR', stage: 'allocated' }),
      delivery({ date: '2024-03', amount: 80, currency: 'EUR', stage: 'allocated' }),
      delivery({ date: '2024-02', amount: 20, currency: 'EUR' }),
    ],
    '2025-01-01',
  );
  assert.deepEqual(tracked.progress.allocated, [{ kind: 'amount', currency: 'EUR', value: 80 }]);
  assert.deepEqual(tracked.progress.delivered, [{ kind: 'amount', currency: 'EUR', value: 20 }]);
  assert.equal(describeTracked(tracked), '20 EUR of 100 EUR delivered (20%); allocated: 80 EUR');
  assert.equal(describeTracked(trackCommitment(commitment(EUR_100), [], '2025-01-01')), 'no delivery recorded');
});

// A yearly pledge: £3 bn a year for 2024-2026.
const yearly = (fields: Partial<z.input<typeof commitmentSchema>> = {}) =>
  commitment({
    currency: 'GBP',
    schedule: ['2024', '2025', '2026'].map((year) => ({ period_start: year, due: year, amount: 3 })),
    ...fields,
  });

const scheduleCases: {
  name: string;
  commitment: Commitment;
  deliveries: Delivery[];
  today: string;
  periods: PeriodStatus[];
  status: CommitmentStatus;
  evidence: Evidence;
  deadline?: string | null;
  ratio?: number | null;
}[] = [
  {
    name: 'nothing recorded, first year open',
    commitment: yearly(),
    deliveries: [],
    today: '2024-06-01',
    periods: ['pending', 'pending', 'pending'],
    status: 'pending',
    evidence: 'none',
    deadline: '2024-12-31',
    ratio: 0,
  },
  {
    name: 'first year met, second open',
    commitment: yearly(),
    deliveries: [delivery({ date: '2024-11', amount: 3, currency: 'GBP' })],
    today: '2025-03-01',
    periods: ['fulfilled', 'pending', 'pending'],
    status: 'in-progress',
    evidence: 'partial',
    deadline: '2025-12-31',
    ratio: 1 / 3,
  },
  {
    name: 'a year missed makes the commitment overdue',
    commitment: yearly(),
    deliveries: [delivery({ date: '2024-11', amount: 2, currency: 'GBP' })],
    today: '2025-03-01',
    periods: ['overdue', 'pending', 'pending'],
    status: 'overdue',
    evidence: 'partial',
    deadline: '2024-12-31',
  },
  {
    name: 'running totals within a year are not added; years are',
    commitment: yearly(),
    deliveries: [
      delivery({ date: '2024-06', amount: 1, currency: 'GBP' }),
      delivery({ date: '2024-12', amount: 3, currency: 'GBP' }),
      delivery({ date: '2025-12', amount: 3, currency: 'GBP' }),
      delivery({ date: '2026-10', amount: 3.5, currency: 'GBP' }),
    ],
    today: '2027-01-01',
    periods: ['fulfilled', 'fulfilled', 'fulfilled'],
    status: 'fulfilled',
    evidence: 'full',
    deadline: '2026-12-31',
    ratio: 9.5 / 9,
  },
  {
    name: 'a late delivery counts toward the last period begun',
    commitment: yearly({ schedule: [{ period_start: '2024', due: '2024-06', amount: 3 }] }),
    deliveries: [delivery({ date: '2024-09', amount: 3, currency: 'GBP' })],
    today: '2025-01-01',
    periods: ['fulfilled'],
    status: 'fulfilled',
    evidence: 'full',
  },
  {
    name: 'allocations in a year do not meet it',
    commitment: yearly(),
    deliveries: [delivery({ date: '2024-03', amount: 3, currency: 'GBP', stage: 'allocated' })],
    today: '2024-06-01',
    periods: ['in-progress', 'pending', 'pending'],
    status: 'in-progress',
    evidence: 'partial',
    ratio: 0,
  },
  {
    name: 'a share is met only by a delivery that says so',
    commitment: commitment({
      schedule: [
        { period_start: '2024', due: '2024', share: 0.25 },
        { period_start: '2025', due: '2025', share: 0.25 },
      ],
    }),
    deliveries: [delivery({ date: '2024-12', amount: 80, currency: 'EUR' }), delivery({ date: '2025-12', fulfils: true })],
    today: '2026-01-01',
    periods: ['overdue', 'fulfilled'],
    status: 'overdue',
    evidence: 'partial',
    ratio: null,
  },
  {
    name: 'a breach outranks the periods',
    commitment: yearly({ breach: BREACH }),
    deliveries: [],
    today: '2024-06-01',
    periods: ['pending', 'pending', 'pending'],
    status: 'breached',
    evidence: 'none',
  },
];

for (const c of scheduleCases) {
  test(`schedule: ${c.name}`, () => {
    const tracked = trackCommitment(c.commitment, c.deliveries, c.today);
    assert.deepEqual(
      tracked.periods.map((p) => p.status),
      c.periods,
    );
    assert.equal(tracked.status, c.status);
    assert.equal(tracked.evidence, c.evidence);
    if (c.deadline !== undefined) assert.equal(tracked.deadline, c.deadline);
    if (c.ratio !== undefined)
      assert.ok(c.ratio === null ? tracked.progress.ratio === null : Math.abs(tracked.progress.ratio! - c.ratio) < 1e-9);
  });
}

test('which period a date counts toward', () => {
  const periods = commitmentSchema.parse({
    id: 'c',
    agreement_id: 'a',
    obligor: 'o',
    beneficiary: 'b',
    area: 'financial-support',
    description: 'd',
    sources: SOURCES,
    schedule: [
      { period_start: '2024', due: '2024-06' },
      { period_start: '2025', due: '2025' },
    ],
  }).schedule!;
  for (const [date, index] of [
    ['2023-05', 0], // before the first: the first
    ['2024-03-01', 0],
    ['2024-09', 0], // after the first's due, before the second: late for the first
    ['2025', 1],
    ['2025-12-31', 1],
    ['2027', 1],
  ] as const) {
    assert.equal(periodIndexOf(periods, date), index, date);
  }
});

test('a schedule must be in order, and a period must not end before it starts', () => {
  const base = {
    id: 'c',
    agreement_id: 'a',
    obligor: 'o',
    beneficiary: 'b',
    area: 'financial-support',
    description: 'd',
    sources: SOURCES,
  };
  const fails = (schedule: unknown) => !commitmentSchema.safeParse({ ...base, schedule }).success;
  assert.ok(fails([{ period_start: '2025', due: '2024' }]));
  assert.ok(
    fails([
      { period_start: '2025', due: '2025' },
      { period_start: '2024', due: '2024' },
    ]),
  );
  assert.ok(fails([]));
  assert.ok(!fails(null));
  assert.ok(!fails([{ period_start: '2024-01', due: '2024' }]));
});

test('roll-ups count breaches, allocations and commitments with no delivery recorded', () => {
  const group = summarize('all', [
    trackCommitment(
      commitment({ id: 'a', ...EUR_100 }),
      [delivery({ commitment_id: 'a', amount: 60, currency: 'EUR', stage: 'allocated' })],
      '2025-01-01',
    ),
    trackCommitment(commitment({ id: 'b', ...EUR_100 }), [delivery({ commitment_id: 'b', amount: 30, currency: 'EUR' })], '2025-01-01'),
    trackCommitment(commitment({ id: 'c', ...EUR_100, breach: BREACH }), [], '2025-01-01'),
  ]);
  assert.equal(group.by_status.breached, 1);
  assert.equal(group.without_evidence, 1);
  assert.deepEqual(group.totals, [
    { kind: 'amount', currency: 'EUR', committed: 300, delivered: 30, allocated: 60, delivered_without_target: 0 },
  ]);
});
