// The reader thread must be indistinguishable from the in-process reader: the same batches
// in the same order, the same problems with file, line and field, the same progress, and a
// whole import through it that leaves the database as the in-process one does.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FieldProblem } from '../../src/domain/errors.ts';
import { importPaths } from '../../src/io/import-records.ts';
import { readRecordBatches } from '../../src/io/record-reader.ts';
import { readRecordBatchesInThread } from '../../src/io/record-reader-thread.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { RecordBatch } from '../../src/store/record-store.ts';
import { tempDir } from '../support/test-stores.ts';

const HEADER = 'id,date,title,summary,type,actors,areas,sources';
const row = (i: number) =>
  `ev-${i},20${String(i % 25).padStart(2, '0')}-03,Title ${i},"Summary, ${i}",decision,nato|ukraine,membership,https://example.org/${i}`;

async function read(reader: typeof readRecordBatches, files: string[]) {
  const problems: FieldProblem[] = [];
  const batches: Omit<RecordBatch, 'json'>[] = [];
  let bytes = 0;
  try {
    for await (const { kind, records } of reader(files, problems, { onBytes: (n) => (bytes += n) })) batches.push({ kind, records });
  } catch (error) {
    return { batches, problems, bytes, error: (error as Error).message };
  }
  return { batches, problems, bytes };
}

describe('the reader thread', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  before(() => {
    dir = tempDir();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: [string, () => string[]][] = [
    [
      'a JSON file and a CSV file of several batches',
      () => [
        file('parties.json', JSON.stringify({ parties: [{ id: 'nato', name: 'NATO', kind: 'organization' }] })),
        file('events.csv', [HEADER, ...Array.from({ length: 2500 }, (_, i) => row(i))].join('\n') + '\n'),
      ],
    ],
    [
      'a CSV file with bad rows after good ones',
      () => [
        file(
          'events.csv',
          [
            HEADER,
            ...Array.from({ length: 1200 }, (_, i) => row(i)),
            'bad,2020-13,T,S,decision,nato,membership,https://e.org',
            row(5),
          ].join('\n'),
        ),
      ],
    ],
    ['a broken quote', () => [file('events.csv', `${HEADER}\n${row(1)}\nq,2020,"open,S,decision,nato,membership,https://e.org\n`)]],
    ['a file that is not JSON', () => [file('record.json', '{"events": [')]],
  ];
  for (const [name, files] of cases) {
    test(`${name}: the same batches, problems and progress as in process`, async () => {
      const paths = files();
      const inProcess = await read(readRecordBatches, paths);
      const threaded = await read(readRecordBatchesInThread, paths);
      assert.deepEqual(threaded, inProcess);
      assert.ok(inProcess.bytes > 0);
    });
  }

  test("a batch carries its records as the JSON text it was parsed from, and each record's own text", async () => {
    const paths = [file('events.csv', [HEADER, row(1), row(2)].join('\n'))];
    for await (const batch of readRecordBatchesInThread(paths, [])) {
      assert.equal(batch.json, JSON.stringify(batch.records));
      assert.deepEqual(
        batch.texts,
        batch.records.map((r) => JSON.stringify(r)),
      );
    }
  });

  test('an error thrown in the thread reaches the caller', async () => {
    // A folder where a file should be: it passes stat, and fails when the thread reads it.
    const folder = path.join(dir, 'folder', 'events.csv');
    fs.mkdirSync(folder, { recursive: true });
    const { error } = await read(readRecordBatchesInThread, [folder]);
    assert.match(error ?? '', /EISDIR/);
  });

  test('an import through the thread stores what an import in process stores', async () => {
    const paths = [file('events.csv', [HEADER, ...Array.from({ length: 1500 }, (_, i) => row(i))].join('\n'))];
    const exported: string[] = [];
    for (const thread of [false, true]) {
      const store = await openStore({ sqlitePath: path.join(dir, `thread-${thread}.db`) });
      try {
        await importPaths(store, paths, { thread });
        const events = [];
        for await (const e of store.iterate('events')) events.push(e);
        exported.push(JSON.stringify(events));
        assert.equal((await store.searchEvents({ q: 'summary', areas: ['membership'], actors: ['ukraine'] })).total, 1500);
      } finally {
        await store.close();
      }
    }
    assert.equal(exported[1], exported[0]);
  });
});
