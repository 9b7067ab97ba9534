import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { renderClaimReview, type CheckedClaim } from '../../src/io/claimreview.ts';
import { exportSqliteFile } from '../../src/io/sqlite-export.ts';
import { listCommitmentsWithStatus } from '../../src/tracking/tracked-commitments.ts';
import { DIALECTS, tempDir, type TestStore } from '../support/test-stores.ts';
import { shippedRecord } from './fixtures.ts';

const TODAY = '2025-06-30';

test('ClaimReview: one review per decided claim, with rating, explanation and evidence', () => {
  const claims: CheckedClaim[] = [
    {
      text: 'Ukraine joined the Partnership for Peace in 1996.',
      verdict: 'contradicted',
      explanation: 'The record dates this to 8 February 1994.',
      evidence: [{ kind: 'event', id: 'pfp-1994', sources: ['https://example.org/pfp', 'https://example.org/pfp'] }],
    },
    {
      text: 'NATO opened JATEC in Bydgoszcz.',
      verdict: 'supported',
      explanation: 'JATEC opened on 17 February 2025.',
      evidence: [{ kind: 'delivery', id: 'jatec', sources: ['https://example.org/jatec'] }],
    },
    { text: 'Something nobody recorded.', verdict: 'unverifiable', explanation: 'No record.', evidence: [] },
  ];
  const reviews = renderClaimReview(
    { claims },
    { url: 'https://example.org/check/1', datePublished: '2025-06-30', claimAuthor: { name: 'A speaker', type: 'Person' } },
  );
  assert.equal(reviews.length, 2);
  assert.deepEqual(reviews[0], {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: 'https://example.org/check/1#claim-1',
    datePublished: '2025-06-30',
    author: { '@type': 'Organization', name: 'Pactwatch' },
    claimReviewed: 'Ukraine joined the Partnership for Peace in 1996.',
    reviewBody: 'The record dates this to 8 February 1994.',
    reviewRating: { '@type': 'Rating', ratingValue: 1, alternateName: 'Contradicted by the record', bestRating: 2, worstRating: 1 },
    itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A speaker' } },
    citation: [{ '@type': 'CreativeWork', url: 'https://example.org/pfp' }],
  });
  assert.equal((reviews[1]!.reviewRating as { alternateName: string }).alternateName, 'Supported by the record');
  assert.equal(reviews[1]!.url, 'https://example.org/check/1#claim-2');
});

for (const dialect of DIALECTS) {
  describe(`SQLite export from ${dialect.name}`, { skip: dialect.skip }, () => {
    let db: TestStore;
    let dir: string;
    before(async () => {
      db = await dialect.open({ shipped: true });
      dir = tempDir();
    });
    after(async () => {
      await db?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    test('opens in plain SQLite with every record, source and derived status', async () => {
      const file = path.join(dir, 'export.sqlite');
      const record = shippedRecord();
      const counts = await exportSqliteFile(db.store, file, TODAY);
      assert.deepEqual(counts, {
        events: record.events.length,
        parties: record.parties.length,
        agreements: record.agreements.length,
        commitments: record.commitments.length,
        deliveries: record.deliveries.length,
      });
      assert.deepEqual(fs.readdirSync(dir), ['export.sqlite'], 'no partial file left behind');
      const sqlite = new SqliteDatabase(file, { readonly: true });
      try {
        assert.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok');
        for (const [kind, n] of Object.entries(counts)) {
          assert.equal((sqlite.prepare(`SELECT count(*) AS n FROM ${kind}`).get() as { n: number }).n, n, kind);
        }
        const sourceRows = (sqlite.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n;
        const sourceCount = [record.events, record.parties, record.agreements, record.commitments, record.deliveries]
          .flat()
          .reduce((n, r) => n + r.sources.length, 0);
        assert.equal(sourceRows, sourceCount);

        const tracked = new Map((await listCommitmentsWithStatus(db.store, {}, TODAY)).map((c) => [c.id, c]));
        const rows = sqlite.prepare('SELECT id, status, deadline, progress_ratio, amount, currency FROM commitments').all() as {
          id: string;
          status: string;
          deadline: string | null;
          progress_ratio: number | null;
          amount: number | null;
          currency: string | null;
        }[];
        for (const row of rows) {
          const c = tracked.get(row.id)!;
          assert.deepEqual(
            [row.status, row.deadline, row.progress_ratio, row.amount, row.currency],
            [c.status, c.deadline, c.progress.ratio, c.amount, c.currency],
            row.id,
          );
        }
        // JSON columns are usable with SQLite's own json functions.
        const nato = sqlite
          .prepare("SELECT json_extract(progress, '$.delivered[0].value') AS v FROM commitments WHERE id = 'nato-40bn-baseline'")
          .get() as { v: number };
        assert.equal(nato.v, 50e9);
        const partiesOf = sqlite
          .prepare('SELECT count(*) AS n FROM agreements, json_each(agreements.parties) WHERE agreements.id = ?')
          .get(record.agreements[0]!.id) as { n: number };
        assert.equal(partiesOf.n, record.agreements[0]!.parties.length);
        const fulfils = sqlite.prepare('SELECT typeof(fulfils) AS t FROM deliveries LIMIT 1').get() as { t: string };
        assert.equal(fulfils.t, 'integer');
      } finally {
        sqlite.close();
      }
    });
  });
}
