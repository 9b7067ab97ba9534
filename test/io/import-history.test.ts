// Imports keep history (issue 14, finding 5): each record an import creates or changes gets
// its before and after in the change log, so GET /api/changes?record= and ?as_of= answer for
// it; `import --dry-run` says what would happen and writes nothing. On each backend, via the CLI.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { listChanges, recordAsOf } from '../../src/changelog/change-queries.ts';
import { recordVersionKey } from '../../src/changelog/change-log.ts';
import { runCli } from '../support/run-cli.ts';
import { DIALECTS, tempDir } from '../support/test-stores.ts';

const source = [{ url: 'https://example.org/s' }];
const event = (id: string, title: string) => ({ id, date: '2001-02-03', title, summary: 's', type: 'other', sources: source });

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: imports keep history`, { skip: dialect.skip }, () => {
    test('a re-import that changes a record logs before and after; as_of shows the old version; unchanged records get no entry', async () => {
      const db = await dialect.open({ shipped: false });
      const dir = tempDir();
      try {
        const write = (name: string, events: unknown[]) => {
          const file = path.join(dir, name);
          fs.writeFileSync(file, JSON.stringify({ events }));
          return file;
        };
        const first = await runCli([...db.cliArgs, 'import', write('one.json', [event('kept', 'Kept'), event('edited', 'Old title')])]);
        assert.equal(first.code, 0, first.stderr);
        assert.match(first.stdout, /2 created, 0 changed, 0 unchanged/);
        await new Promise((r) => setTimeout(r, 20));
        const between = new Date().toISOString();
        await new Promise((r) => setTimeout(r, 20));

        const input = write('two.json', [event('kept', 'Kept'), event('edited', 'New title'), event('added', 'Added')]);
        const head = await recordVersionKey(db.store.db);
        const dry = await runCli([...db.cliArgs, 'import', '--dry-run', input]);
        assert.equal(dry.code, 0, dry.stderr);
        assert.match(dry.stdout, /events: 1 would be created, 1 changed, 1 left alone/);
        assert.match(dry.stdout, /create: added/);
        assert.match(dry.stdout, /change: edited/);
        assert.equal(await recordVersionKey(db.store.db), head, 'a dry run writes nothing, not even a log entry');
        assert.equal((await db.store.get('events', 'edited'))!.title, 'Old title');

        const second = await runCli([...db.cliArgs, 'import', input]);
        assert.equal(second.code, 0, second.stderr);
        assert.match(second.stdout, /1 created, 1 changed, 1 unchanged/);

        const history = await listChanges(db.store.db, { kind: 'events', record_id: 'edited' });
        assert.deepEqual(
          history.items.map((c) => [
            c.action,
            c.actor,
            (c.before as { title?: string } | null)?.title ?? null,
            (c.after as { title: string }).title,
          ]),
          [
            ['create', 'import', null, 'Old title'],
            ['update', 'import', 'Old title', 'New title'],
          ],
        );
        assert.equal((await listChanges(db.store.db, { kind: 'events', record_id: 'kept' })).items.length, 1);
        assert.equal((await recordAsOf(db.store, 'events', 'edited', between))!.title, 'Old title');
        assert.equal(await recordAsOf(db.store, 'events', 'added', between), undefined);
        assert.equal((await recordAsOf(db.store, 'events', 'edited', '2999'))!.title, 'New title');

        const audit = await runCli([...db.cliArgs, 'audit', 'verify']);
        assert.equal(audit.code, 0, audit.stderr);
      } finally {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
