// `pactwatch audit verify`: walks the chain from the first entry and stops at the first one
// that does not hold: a gap in seq (a deleted entry), a broken link to the previous hash, a
// hash that no longer matches the content (an edited entry), or a head that points past the
// last entry (deleted entries at the end).
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.ts';
import { GENESIS_HASH, entryHash } from './change-log.ts';
import { auditDb } from './change-tables.ts';

export type ChainReport = { ok: true; entries: number } | { ok: false; entries: number; seq: number; problem: string };

const PAGE = 5000;

export async function verifyChain(store: { db: Kysely<Database> }): Promise<ChainReport> {
  const db = auditDb(store.db);
  let expected = { seq: 1, prevHash: GENESIS_HASH };
  for (;;) {
    const rows = await db.selectFrom('changes').selectAll().where('seq', '>=', expected.seq).orderBy('seq').limit(PAGE).execute();
    for (const row of rows) {
      const entries = expected.seq - 1;
      if (row.seq !== expected.seq) return { ok: false, entries, seq: expected.seq, problem: `entry ${expected.seq} is missing` };
      if (row.prev_hash !== expected.prevHash) {
        return {
          ok: false,
          entries,
          seq: row.seq,
          problem: `entry ${row.seq} does not link to entry ${row.seq - 1} (one of them was altered)`,
        };
      }
      if (entryHash(row) !== row.hash)
        return { ok: false, entries, seq: row.seq, problem: `entry ${row.seq} was altered: its content does not match its hash` };
      expected = { seq: row.seq + 1, prevHash: row.hash };
    }
    if (rows.length < PAGE) break;
  }
  const entries = expected.seq - 1;
  const head = await db.selectFrom('change_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (head.seq !== entries || head.hash !== expected.prevHash) {
    return {
      ok: false,
      entries,
      seq: entries + 1,
      problem: `the log ends at entry ${entries} but its head records entry ${head.seq}: entries were removed`,
    };
  }
  return { ok: true, entries };
}
