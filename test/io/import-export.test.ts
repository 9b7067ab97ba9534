import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RECORD_KINDS } from '../../src/domain/vocabulary.ts';
import { runCli } from '../support/run-cli.ts';
import { recordModelFixture } from '../support/record-model-fixture.ts';
import { DIALECTS, tempDir, type TestStore } from '../support/test-stores.ts';

const HEADER = 'id,date,title,summary,type,actors,areas,sources';
const GOOD_ROW = 'new-event,2020-06-12,A title,A summary,decision,nato,membership,https://example.org/a';

/** Each bad file, and the line and field its error must name. */
const BAD_CSV: { name: string; csv: string; line: number; field: string }[] = [
  {
    name: 'a missing column',
    csv: 'id,date,title,summary,type,actors,sources\nx,2020,T,S,decision,nato,https://e.org\n',
    line: 1,
    field: 'areas',
  },
  {
    name: 'a bad date',
    csv: `${HEADER}\n${GOOD_ROW}\nbad-date,2020-02-30,T,S,decision,nato,membership,https://e.org\n`,
    line: 3,
    field: 'date',
  },
  {
    name: 'an unknown area',
    csv: `${HEADER}\n${GOOD_ROW}\nbad-area,2020,T,S,decision,nato,membership|gardening,https://e.org\n`,
    line: 3,
    field: 'areas.1',
  },
  { name: 'a duplicate id', csv: `${HEADER}\n${GOOD_ROW}\n${GOOD_ROW}\n`, line: 3, field: 'id' },
  {
    name: 'a broken quote',
    csv: `${HEADER}\n${GOOD_ROW}\nq,2020,"An unclosed title,S,decision,nato,membership,https://e.org\n`,
    line: 3,
    field: '',
  },
];

async function snapshot(args: string[]): Promise<string> {
  const r = await runCli([...args, 'export', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: import and export`, { skip: dialect.skip }, () => {
    let t: TestStore;
    let dir: string;
    before(async () => {
      t = await dialect.open({ shipped: true });
      await t.store.importRecords(recordModelFixture()); // every field of issue 13 makes the round trip
      await t.store.close(); // the CLI opens the database itself
      dir = tempDir();
    });
    after(async () => {
      await t?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    for (const bad of BAD_CSV) {
      test(`a CSV with ${bad.name} exits 1, names line ${bad.line} and the field, and changes nothing`, async () => {
        const before = await snapshot(t.cliArgs);
        const file = path.join(dir, 'events.csv');
        fs.writeFileSync(file, bad.csv);
        const r = await runCli([...t.cliArgs, 'import', file]);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stderr, new RegExp(`events\\.csv, line ${bad.line}`));
        if (bad.field) assert.match(r.stderr, new RegExp(`field "${bad.field.replace('.', '\\.')}`));
        assert.match(r.stderr, /nothing was imported/);
        assert.equal(await snapshot(t.cliArgs), before);
      });
    }

    test('a JSON record with a bad field names the file, line, record and field', async () => {
      const file = path.join(dir, 'bad.json');
      fs.writeFileSync(
        file,
        JSON.stringify(
          { events: [{ id: 'x-1', date: '2020', title: 'T', summary: 'S', type: 'picnic', sources: [{ url: 'https://e.org' }] }] },
          null,
          1,
        ),
      );
      const r = await runCli([...t.cliArgs, 'import', file]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /bad\.json, line 4, record "x-1": field "type"/);
    });

    test('a reference to a missing agreement exits 1 naming the record and field', async () => {
      const file = path.join(dir, 'refs.json');
      const commitment = {
        id: 'orphan',
        agreement_id: 'no-such-agreement',
        obligor: 'nato',
        beneficiary: 'ukraine',
        area: 'membership',
        description: 'd',
        sources: [{ url: 'https://e.org' }],
      };
      fs.writeFileSync(file, JSON.stringify({ commitments: [commitment] }));
      const r = await runCli([...t.cliArgs, 'import', file]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /record "orphan": field "agreement_id": no agreement with id "no-such-agreement"/);
    });

    for (const format of ['json', 'csv'] as const) {
      test(`round trip through ${format}: export, import into an empty database, identical records`, async () => {
        const out = path.join(dir, `export-${format}${format === 'json' ? '.json' : ''}`);
        const exported = await runCli([...t.cliArgs, 'export', '--format', format, '--out', out]);
        assert.equal(exported.code, 0, exported.stderr);
        const empty = await dialect.open();
        try {
          await empty.store.close();
          const imported = await runCli([...empty.cliArgs, 'import', out]);
          assert.equal(imported.code, 0, imported.stderr);
          const original = JSON.parse(await snapshot(t.cliArgs));
          const copy = JSON.parse(await snapshot(empty.cliArgs));
          for (const kind of RECORD_KINDS) assert.ok(original[kind].length > 0, `${kind} is empty`);
          assert.deepEqual(copy, original);
        } finally {
          await empty.close();
        }
      });
    }
  });
}

test('bad usage exits 2', async () => {
  const dir = tempDir();
  try {
    assert.equal((await runCli(['--db', path.join(dir, 'x.db'), 'events', '--from', 'April'])).code, 2);
    assert.equal((await runCli(['--db', path.join(dir, 'x.db'), 'events', '--area', 'gardening'])).code, 2);
    assert.equal((await runCli(['--db', path.join(dir, 'x.db'), 'export', '--format', 'csv'])).code, 2);
    assert.equal((await runCli(['no-such-command'])).code, 2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
