// `pactwatch lint`: the pure rules on small records, then the command as a child process.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lintRecord, type LintFinding } from '../../src/domain/record-lint.ts';
import { recordSetSchema } from '../../src/domain/schemas.ts';
import { compileTierTable } from '../../src/domain/source-tiers.ts';
import { recordModelFixture } from '../support/record-model-fixture.ts';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/test-stores.ts';

const tiers = compileTierTable({ 'nato.int': 'primary', 'reuters.com': 'reputable', 'tass.com': 'denied', 'wikipedia.org': 'other' });
const PRIMARY = [{ url: 'https://www.nato.int/x' }];
const today = '2025-06-30';

const event = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  date: '2024-07-10',
  title: `Event ${id}`,
  title_uk: `Подія ${id}`,
  summary: 'Something happened.',
  type: 'summit',
  sources: PRIMARY,
  ...fields,
});
const base = (extra: Record<string, unknown> = {}) =>
  recordSetSchema.parse({
    parties: [
      { id: 'p', name: 'P', kind: 'state' },
      { id: 'q', name: 'Q', kind: 'state' },
    ],
    agreements: [{ id: 'a', title: 'A', title_uk: 'А', kind: 'k', parties: ['p'], signed: '2024', status: 's', sources: PRIMARY }],
    ...extra,
  });
const rules = (findings: LintFinding[]) => findings.map((f) => `${f.severity} ${f.rule} ${f.kind}/${f.id}${f.field ? ` ${f.field}` : ''}`);

const cases: { name: string; record: ReturnType<typeof base>; expect: string[] }[] = [
  { name: 'a clean record', record: base({ events: [event('e')] }), expect: [] },
  {
    name: 'a denied source anywhere is an error',
    record: base({
      events: [event('e', { sources: [...PRIMARY, { url: 'https://tass.com/politics/1' }] })],
      commitments: [
        {
          id: 'c',
          agreement_id: 'a',
          obligor: 'p',
          beneficiary: 'q',
          area: 'sanctions',
          description: 'd',
          sources: PRIMARY,
          breach: { date: '2024', description: 'Broke it.', sources: [{ url: 'https://tass.com/2' }] },
        },
      ],
    }),
    expect: [
      'error denied-source commitments/c breach.sources.0',
      'error weak-sources commitments/c breach.sources',
      'error denied-source events/e sources.1',
    ],
  },
  {
    name: 'sources all of tier other are weak; an override lifts one',
    record: base({
      events: [
        event('weak', { sources: [{ url: 'https://en.wikipedia.org/wiki/X' }, { url: 'https://blog.example.org/' }] }),
        event('lifted', { date: '2001', sources: [{ url: 'https://blog.example.org/', tier: 'reputable' }] }),
      ],
    }),
    expect: ['error weak-sources events/weak sources'],
  },
  {
    name: 'working notes in public text',
    record: base({
      events: [
        event('note', { summary: 'Per the Wikipedia-derived seed, the date is uncertain.' }),
        event('todo', { date: '2001', title: 'TODO: find the date' }),
        event('maybe', { date: '2002', summary: 'Seed and fertiliser for farmers.' }),
      ],
    }),
    expect: [
      'error working-note events/note summary',
      'error working-note events/todo title',
      'warning working-note-maybe events/maybe summary',
    ],
  },
  {
    name: 'a pledge filed as a delivery, unless its stage is allocated',
    record: base({
      commitments: [{ id: 'c', agreement_id: 'a', obligor: 'p', beneficiary: 'q', area: 'sanctions', description: 'd', sources: PRIMARY }],
      deliveries: [
        { id: 'd1', commitment_id: 'c', date: '2025-01', description: 'Latvia will allocate 0.25% of GDP.', sources: PRIMARY },
        { id: 'd2', commitment_id: 'c', date: '2025-01', description: 'Budgeted in 2025.', stage: 'allocated', sources: PRIMARY },
        {
          id: 'd3',
          commitment_id: 'c',
          date: '2025-01',
          description: 'Delivered under the Action Plan; met the pledge.',
          sources: PRIMARY,
        },
      ],
    }),
    expect: ['warning pledge-as-delivery deliveries/d1 stage'],
  },
  {
    name: 'past due with nothing recorded, but not when breached or with a delivery',
    record: base({
      commitments: [
        {
          id: 'none',
          agreement_id: 'a',
          obligor: 'p',
          beneficiary: 'q',
          area: 'sanctions',
          description: 'd',
          due: '2024',
          sources: PRIMARY,
        },
        {
          id: 'some',
          agreement_id: 'a',
          obligor: 'p',
          beneficiary: 'q',
          area: 'sanctions',
          description: 'd',
          due: '2024',
          sources: PRIMARY,
        },
        {
          id: 'broken',
          agreement_id: 'a',
          obligor: 'p',
          beneficiary: 'q',
          area: 'sanctions',
          description: 'd',
          due: '2024',
          breach: { date: '2024', description: 'Broke it.', sources: PRIMARY },
          sources: PRIMARY,
        },
      ],
      deliveries: [{ id: 'd', commitment_id: 'some', date: '2024-05', description: 'Part of it.', sources: PRIMARY }],
    }),
    expect: ['warning past-due-no-evidence commitments/none'],
  },
  {
    name: 'near-duplicate events: same date and much the same title, or one agreement lists both',
    record: base({
      events: [
        event('charter-signed', { title: 'Charter on a Distinctive Partnership signed in Madrid' }),
        event('charter-signing', { title: 'Signing of the Charter on a Distinctive Partnership' }),
        event('other-day', { date: '2024-07-11', title: 'Charter on a Distinctive Partnership signed' }),
        event('commission', { date: '1997-07-09', title: 'Commission established' }),
        event('charter-1997', { date: '1997-07-09', title: 'Charter signed' }),
        event('germany', {
          date: '2024-02-16',
          title: 'Germany-Ukraine security agreement',
          summary: 'Signed in Berlin by the chancellor.',
        }),
        event('france', { date: '2024-02-16', title: 'France-Ukraine security agreement', summary: 'Signed in Paris by the president.' }),
      ],
      agreements: [
        {
          id: 'a',
          title: 'A',
          title_uk: 'А',
          kind: 'k',
          parties: ['p'],
          signed: '2024',
          status: 's',
          event_ids: ['commission', 'charter-1997'],
          sources: PRIMARY,
        },
      ],
    }),
    expect: ['warning near-duplicate-event events/charter-signed', 'warning near-duplicate-event events/commission'],
  },
  {
    name: 'a missing Ukrainian title',
    record: base({
      events: [event('e', { title_uk: null })],
      agreements: [{ id: 'a', title: 'A', kind: 'k', parties: ['p'], signed: '2024', status: 's', sources: PRIMARY }],
    }),
    expect: ['warning missing-title-uk agreements/a title_uk', 'warning missing-title-uk events/e title_uk'],
  },
];

for (const c of cases) {
  test(`lint: ${c.name}`, () => {
    assert.deepEqual(rules(lintRecord(c.record, { tiers, today })), c.expect);
  });
}

test('pactwatch lint: exit 1 on errors, 0 on warnings alone (1 with --strict), JSON findings', async () => {
  const dir = tempDir();
  try {
    const clean = path.join(dir, 'clean.json');
    fs.writeFileSync(clean, JSON.stringify(recordModelFixture()));
    const ok = await runCli(['lint', clean, '--today', today]);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /^0 errors, 0 warnings$/m);

    const warned = path.join(dir, 'warned.json');
    fs.writeFileSync(warned, JSON.stringify({ ...recordModelFixture(), events: [event('e', { title_uk: null })] }));
    assert.equal((await runCli(['lint', warned])).code, 0);
    assert.equal((await runCli(['lint', warned, '--strict'])).code, 1);

    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ events: [event('e', { sources: [{ url: 'https://tass.com/x' }] })] }));
    const failed = await runCli(['lint', bad, '--json']);
    assert.equal(failed.code, 1);
    const answer = JSON.parse(failed.stdout);
    assert.equal(answer.errors, 2);
    assert.deepEqual(
      answer.findings.map((f: LintFinding) => f.rule),
      ['denied-source', 'weak-sources'],
    );

    const invalid = path.join(dir, 'invalid.json');
    fs.writeFileSync(invalid, JSON.stringify({ events: [{ id: 'x' }] }));
    const refused = await runCli(['lint', invalid]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /record "x": field "date"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
