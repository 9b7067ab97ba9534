import type { Kysely } from 'kysely';
import { addDefaults } from './stored-json-defaults.ts';

// Issue 13's record model: parties' offices and memberships, commitments' schedule and breach,
// deliveries' stage. All live in the JSON `data` of their kinds, so no column changes: stored
// records get the defaults, and stay in canonical form. (A source's `tier` is read as absent
// where old records lack it; rewriting every source of every event is not worth a migration.)
export async function up(db: Kysely<any>): Promise<void> {
  await addDefaults(db, 'parties', 'aliases', { offices: [], memberships: [] });
  await addDefaults(db, 'commitments', 'due', { schedule: null });
  await addDefaults(db, 'commitments', 'withdrawn', { breach: null });
  await addDefaults(db, 'deliveries', 'fulfils', { stage: 'delivered' });
}
