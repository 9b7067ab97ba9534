// SIGKILL inside every statement of every migration step, from each earlier schema, on each
// backend; the database must then open, finish its upgrade and keep its record.
import { describe, test } from 'node:test';
import { DIALECTS } from '../support/test-stores.ts';
import { killDuringUpgrades } from './support/migration-crash.ts';
import { report } from './support/scale.ts';

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: crash during migrations`, { skip: dialect.skip }, () => {
    test('killed after every statement of an upgrade from each earlier schema, the database opens', { timeout: 30 * 60_000 }, async () => {
      const survived = await killDuringUpgrades(dialect.name);
      report('kill points survived', survived, `${dialect.name} migrations`);
    });
  });
}
