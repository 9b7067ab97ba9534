// The fast part of migration-crash.scenario.ts for `npm test`: every fifth statement of each
// upgrade (the full suite kills after every one).
import { describe, test } from 'node:test';
import { DIALECTS } from '../support/test-stores.ts';
import { killDuringUpgrades } from '../reliability/support/migration-crash.ts';

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: crash during migrations (sampled)`, { skip: dialect.skip }, () => {
    test('killed inside migration steps, the database opens and finishes its upgrade', { timeout: 10 * 60_000 }, async (t) => {
      t.diagnostic(`${await killDuringUpgrades(dialect.name, 5)} kill points survived`);
    });
  });
}
