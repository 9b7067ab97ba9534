// Kysely runs migrations in one transaction (each step and its row in kysely_migration
// together) only on a dialect that says its DDL is transactional, and its SQLite dialect says
// no. SQLite's DDL is transactional, so a migration killed halfway (a crash, a deploy restart)
// left half a schema: `event_actors_rebuilt` behind, and every later start failing. This
// dialect says yes, so a killed upgrade leaves the database as it was before it began.
import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
