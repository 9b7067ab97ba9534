// The shipped record against `pactwatch lint`: no denied source, no working note, no pledge filed
// as a delivery, and no more records resting on weak sources only than the count below. The
// count is a ratchet: it may only go down as better sources are found (issue 13 wants 0; the
// stored pages hold no primary or reputable copy for the rest, listed by `npm run lint:record`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintRecord } from '../../src/domain/record-lint.ts';
import { readShippedRecord } from '../../src/io/shipped-record.ts';
import { loadSourceTierTable } from '../../src/io/source-tier-table.ts';

const WEAK_ONLY_AT_MOST = 25;

const findings = lintRecord(await readShippedRecord(), { tiers: loadSourceTierTable(), today: '2026-12-03' });
const byRule = (rule: string) => findings.filter((f) => f.rule === rule);

for (const rule of ['denied-source', 'working-note', 'pledge-as-delivery', 'missing-title-uk']) {
  test(`the shipped record has no ${rule} findings`, () => {
    assert.deepEqual(
      byRule(rule).map((f) => `${f.kind}/${f.id}: ${f.message}`),
      [],
    );
  });
}

test(`at most ${WEAK_ONLY_AT_MOST} records rest on weak sources only`, () => {
  const weak = byRule('weak-sources');
  assert.ok(weak.length <= WEAK_ONLY_AT_MOST, weak.map((f) => `${f.kind}/${f.id}`).join('\n'));
});
