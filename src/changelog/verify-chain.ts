// `pactwatch audit verify`: walks the chain from the first entry and stops at the first one
// that does not hold: a gap in seq (a deleted entry), a broken link to the previous hash, a
// hash that no longer matches the content (an edited entry), or a head that points past the
// last entry (deleted entries at the end). With PACTWATCH_AUDIT_KEY set, links are HMACs:
// a keyed entry cannot be checked without the key, and a plain link after a keyed one (or a
// log whose last entry is plain) means the chain was recomputed by someone without the key.
// A head kept elsewhere (`audit head`) catches what a consistent rewrite would not: the log
// cut short, or rewritten up to and past that point.
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.ts';
import { GENESIS_HASH, KEYED_PREFIX, auditKey, entryHash } from './change-log.ts';
import { auditDb } from './change-tables.ts';

export type ChainReport = { ok: true; entries: number } | { ok: false; entries: number; seq: number; problem: string };

const PAGE = 5000;

/** A head as `audit head` prints it: `SEQ:HASH`. */
export interface KeptHead {
  seq: number;
  hash: string;
}

export function parseHead(text: string): KeptHead | undefined {
  const match = /^(\d{1,10}):((?:hmac-)?[0-9a-f]{64})$/.exec(text.trim());
  return match ? { seq: Number(match[1]), hash: match[2]! } : undefined;
}

export async function verifyChain(store: { db: Kysely<Database> }, options: { head?: KeptHead; key?: string } = {}): Promise<ChainReport> {
  const db = auditDb(store.db);
  const key = 'key' in options ? options.key : auditKey();
  let keyedSeen = false;
  let kept: string | undefined;
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
      const keyed = row.hash.startsWith(KEYED_PREFIX);
      if (keyed && !key)
        return { ok: false, entries, seq: row.seq, problem: `entry ${row.seq} is keyed (HMAC): set PACTWATCH_AUDIT_KEY to verify it` };
      if (!keyed && keyedSeen && key)
        return {
          ok: false,
          entries,
          seq: row.seq,
          problem: `entry ${row.seq} has a plain hash after keyed entries: the chain was recomputed without the key`,
        };
      keyedSeen ||= keyed;
      if (entryHash(row, keyed ? key : null) !== row.hash)
        return { ok: false, entries, seq: row.seq, problem: `entry ${row.seq} was altered: its content does not match its hash` };
      if (row.seq === options.head?.seq) kept = row.hash;
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
  if (key && entries > 0 && !expected.prevHash.startsWith(KEYED_PREFIX))
    return {
      ok: false,
      entries,
      seq: entries,
      problem: `the last entry (${entries}) is not keyed although PACTWATCH_AUDIT_KEY is set: the chain was recomputed without the key, or nothing was written since the key was set`,
    };
  if (options.head) {
    const { seq, hash } = options.head;
    if (seq > entries)
      return { ok: false, entries, seq, problem: `the log ends at entry ${entries}, before the kept head ${seq}: it was cut short` };
    if (seq > 0 && kept !== hash)
      return { ok: false, entries, seq, problem: `entry ${seq} is not the one the kept head names: the log was rewritten` };
  }
  return { ok: true, entries };
}
