// The fast path for the hottest statements: the session lookup on every signed-in
// request, the lesson page, marking lessons complete, and quiz answers.
//
// Why: Prisma 6 recompiles every query's plan and wraps each call in tracing and
// interpretation — ~65 µs for raw SQL and ~300–500 µs for model queries on this machine,
// while the statement itself takes ~5 µs. Measured: quiz answers went from 180/s (model
// queries) to over 1,000/s (docs/decisions/0007-hot-path-sql.md).
//
// How: statements run synchronously on the very better-sqlite3 connection Prisma uses,
// under the same lock as every Prisma query (src/db/serialized-adapter.ts), so they never
// interleave with a Prisma transaction. A direct transaction runs start to finish without
// an `await`, so it holds the lock for microseconds. Values are written the way Prisma's
// adapter writes them (dates as ISO text with +00:00, booleans as 0/1), so Prisma reads
// them back unchanged. Everything else in the app stays on Prisma.
import type { Db } from "./client.js";
import type { SerializedAdapterFactory, SqliteConnection } from "./serialized-adapter.js";

export type Param = string | number | boolean | Date | null;
export type Row = Record<string, unknown>;

/** Synchronous access for the duration of one `withSql`/`inTransaction` call. */
export type SyncSql = {
  rows(sql: string, params?: readonly Param[]): Row[];
  run(sql: string, params?: readonly Param[]): number;
};

type Statement = ReturnType<SqliteConnection["prepare"]>;

const factories = new WeakMap<object, SerializedAdapterFactory>();
const statements = new WeakMap<SqliteConnection, Map<string, Statement>>();

export function registerDirect(db: Db, factory: SerializedAdapterFactory): void {
  factories.set(db, factory);
}

function toSqlite(value: Param): string | number | null {
  if (value instanceof Date) return value.toISOString().replace(/Z$/, "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function prepared(connection: SqliteConnection, sql: string): Statement {
  let cache = statements.get(connection);
  if (!cache) {
    cache = new Map();
    statements.set(connection, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

function syncSql(connection: SqliteConnection): SyncSql {
  return {
    rows: (sql, params = []) => prepared(connection, sql).all(...params.map(toSqlite)) as Row[],
    run: (sql, params = []) => prepared(connection, sql).run(...params.map(toSqlite)).changes,
  };
}

function adapterOf(db: Db) {
  const adapter = factories.get(db)?.adapter;
  if (!adapter) throw new Error("direct SQL needs the client from openDb(), connected");
  return adapter;
}

/** How many queries are waiting for the connection right now (tests and health reports). */
export function queuedQueries(db: Db): number {
  return adapterOf(db).lock.queued;
}

/** Runs statements (no transaction) when no Prisma transaction is open. */
export function withSql<T>(db: Db, work: (sql: SyncSql) => T): Promise<T> {
  return adapterOf(db).exclusive((connection) => work(syncSql(connection)));
}

/** One transaction: committed if `work` returns, rolled back if it throws. */
export function inTransaction<T>(db: Db, work: (sql: SyncSql) => T): Promise<T> {
  return adapterOf(db).exclusive((connection) => {
    const sql = syncSql(connection);
    sql.run("BEGIN IMMEDIATE");
    try {
      const result = work(sql);
      sql.run("COMMIT");
      return result;
    } catch (error) {
      // SQLite may already have rolled back by itself (a full disk, an I/O error); a
      // ROLLBACK then fails and would hide the error that matters.
      if (connection.inTransaction) sql.run("ROLLBACK");
      throw error;
    }
  });
}

export function asDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

export function asBool(value: unknown): boolean {
  return value === true || value === 1 || value === 1n;
}

export function asBytes(value: unknown): Uint8Array {
  return value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer);
}
