// Kysely's SQLite driver asks better-sqlite3 to prepare every query afresh; parsing and
// planning a statement costs about as much as running a small one. This hands Kysely the same
// prepared statement for the same SQL text, least recently used dropped past `size`. SQLite
// re-prepares a cached statement by itself when the schema changes under it.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

export function cachingStatements(database: BetterSqlite3.Database, size = 500): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      cache.delete(sql);
      // A statement still being iterated (a streamed query) cannot run again until it ends.
      const statement = cached && !cached.busy ? cached : database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}
