// A digest of everything stored: every record of every kind, the change log's head and the
// accounts. Equal digests before and after a rejected input prove that nothing changed.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { RECORD_KINDS } from '../../../src/domain/vocabulary.ts';
import type { RecordStore } from '../../../src/store/record-store.ts';

export async function fingerprint(store: RecordStore): Promise<string> {
  const hash = createHash('sha256');
  for (const kind of RECORD_KINDS) {
    hash.update(`\n${kind}:`);
    for await (const record of store.iterate(kind)) hash.update(JSON.stringify(record));
  }
  const head = await sql<{ seq: number; hash: string }>`SELECT seq, hash FROM change_head`.execute(store.db);
  const users = await sql<{ name: string; token_hash: string }>`SELECT name, token_hash FROM users ORDER BY name`.execute(store.db);
  hash.update(JSON.stringify([head.rows, users.rows]));
  return hash.digest('hex');
}
