// CSV formula injection and input encodings (issue 14, findings 7 and 9), through the CLI.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../support/run-cli.ts';
import { DIALECTS, sqliteDialect, tempDir } from '../support/test-stores.ts';

const source = [{ url: 'https://example.org/s' }];
const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rCR', "'=already quoted", "''+two"];

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: CSV exports neutralise formulas`, { skip: dialect.skip }, () => {
    test('every formula-like cell of every record CSV starts with an apostrophe, and export -> import is exact', async () => {
      const db = await dialect.open({ shipped: true });
      const other = await dialect.open({ shipped: false });
      const dir = tempDir();
      try {
        const input = path.join(dir, 'hostile.json');
        fs.writeFileSync(
          input,
          JSON.stringify({
            parties: [{ id: 'formula-party', name: FORMULAS[0], kind: 'body', aliases: FORMULAS.slice(1, 3) }],
            events: FORMULAS.map((f, i) => ({
              id: `formula-${i}`,
              date: '2020',
              title: f,
              summary: f,
              type: 'other',
              actors: [f],
              sources: source,
            })),
            agreements: [
              {
                id: 'formula-agreement',
                title: '=1',
                kind: '-treaty',
                parties: ['formula-party'],
                signed: '2020',
                status: '@x',
                signatories: ['+y'],
                sources: [{ url: 'https://example.org/a', quote: '=cmd' }],
              },
            ],
            commitments: [
              {
                id: 'formula-commitment',
                agreement_id: 'formula-agreement',
                obligor: 'formula-party',
                beneficiary: 'formula-party',
                area: 'membership',
                description: '-10 tanks',
                unit: '=u',
                sources: source,
              },
            ],
            deliveries: [
              { id: 'formula-delivery', commitment_id: 'formula-commitment', date: '2021', description: '@delivered', sources: source },
            ],
          }),
        );
        assert.equal((await runCli([...db.cliArgs, 'import', input])).code, 0);
        const out = path.join(dir, 'csv');
        const exported = await runCli([...db.cliArgs, 'export', '--format', 'csv', '--out', out]);
        assert.equal(exported.code, 0, exported.stderr);
        for (const kind of ['events', 'parties', 'agreements', 'commitments', 'deliveries']) {
          const text = fs.readFileSync(path.join(out, `${kind}.csv`), 'utf8');
          // Every cell, quoted or not: none may begin with a formula character.
          const cells = text.match(/(?<=^|,)("(?:[^"]|"")*"|[^,\n]*)/gm) ?? [];
          for (const raw of cells) {
            const cell = raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw;
            assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${kind}.csv: ${JSON.stringify(cell)}`);
          }
          assert.ok(text.includes(kind === 'events' ? `'=HYPERLINK` : "'"), kind);
        }
        const imported = await runCli([...other.cliArgs, 'import', out]);
        assert.equal(imported.code, 0, imported.stderr);
        const a = await runCli([...db.cliArgs, 'export']);
        const b = await runCli([...other.cliArgs, 'export']);
        assert.equal(b.stdout, a.stdout, 'export -> import -> export is exact');
        assert.equal(JSON.parse(b.stdout).events.find((e: { id: string }) => e.id === 'formula-6').title, "'=already quoted");
      } finally {
        await db.close();
        await other.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

describe('imports detect the encoding', () => {
  const header = 'id,date,title,summary,type,actors,areas,sources\n';
  const row = 'caf-event,2020,Café Élysée,Résumé,other,,,https://example.org/s\n';

  const withDir = async (fn: (dir: string, cli: string[]) => Promise<void>) => {
    const db = await sqliteDialect.open({ shipped: false });
    const dir = tempDir();
    try {
      await fn(dir, db.cliArgs);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };

  test('Latin-1 CSV is refused naming the file, line and encoding; --encoding converts it', () =>
    withDir(async (dir, cli) => {
      const file = path.join(dir, 'events.csv');
      fs.writeFileSync(file, Buffer.from(header + row, 'latin1'));
      const refused = await runCli([...cli, 'import', file]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /events\.csv.*is not UTF-8.*Windows-1252/);
      assert.match(refused.stderr, /line 2/);
      const converted = await runCli([...cli, 'import', '--encoding', 'windows-1252', file]);
      assert.equal(converted.code, 0, converted.stderr);
      const events = JSON.parse((await runCli([...cli, 'export'])).stdout).events;
      assert.equal(events[0].title, 'Café Élysée');
      assert.equal((await runCli([...cli, 'import', '--encoding', 'klingon', file])).code, 2);
    }));

  test('UTF-16 is named as UTF-16 (not "missing columns"), with or without a BOM, and converted when told', () =>
    withDir(async (dir, cli) => {
      const file = path.join(dir, 'events.csv');
      for (const bom of [true, false]) {
        fs.writeFileSync(file, Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(header + row, 'utf16le')]));
        const refused = await runCli([...cli, 'import', file]);
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, /events\.csv.*UTF-16LE.*--encoding utf-16le/);
        assert.doesNotMatch(refused.stderr, /missing column/);
      }
      const converted = await runCli([...cli, 'import', '--encoding', 'utf-16le', file]);
      assert.equal(converted.code, 0, converted.stderr);
    }));

  test('a BOM is fine in JSON and CSV', () =>
    withDir(async (dir, cli) => {
      const json = path.join(dir, 'bom.json');
      fs.writeFileSync(
        json,
        '\uFEFF' +
          JSON.stringify({
            events: [{ id: 'bom-json', date: '2020', title: 'T', summary: '', type: 'other', sources: [{ url: 'https://example.org/s' }] }],
          }),
      );
      const csv = path.join(dir, 'events.csv');
      fs.writeFileSync(csv, '\uFEFF' + header + row);
      const answer = await runCli([...cli, 'import', json, csv]);
      assert.equal(answer.code, 0, answer.stderr);
    }));

  test('duplicate JSON keys are refused, naming the key and line', () =>
    withDir(async (dir, cli) => {
      const file = path.join(dir, 'dup.json');
      fs.writeFileSync(
        file,
        '{"events": [\n {"id": "dup", "date": "2020",\n  "title": "First", "summary": "", "type": "other",\n  "title": "Second",\n  "sources": [{"url": "https://example.org/s"}]}\n]}\n',
      );
      const refused = await runCli([...cli, 'import', file]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /dup\.json, line 4: field "title": the key "title" appears twice/);
      // Equal keys in different objects are fine, and so is an escaped key that only looks alike.
      fs.writeFileSync(
        file,
        '{"events": [{"id": "a", "date": "2020", "title": "A", "summary": "", "type": "other", "sources": [{"url": "https://example.org/s", "title": "x"}], "\\u0074ype": "other"}]}',
      );
      const escaped = await runCli([...cli, 'import', file]);
      assert.equal(escaped.code, 1, 'an escaped "type" is the same key');
      assert.match(escaped.stderr, /the key "type" appears twice/);
    }));
});
