// The better-sqlite3 adapter shares one connection between all requests. Its own mutex
// only orders transactions among themselves: a plain query from another request would
// run *inside* an open interactive transaction (seeing uncommitted rows, and rolled back
// with it). This wrapper puts every query and transaction behind one lock, so a query
// waits until an open transaction commits or rolls back. Queries are synchronous C calls
// underneath, so the lock costs a promise hop, not throughput.
//
// Faults must never wedge that lock (docs/decisions/0012-database-faults.md):
// - waits are bounded (src/db/lock.ts): past `lockWaitMs` a query fails with "busy";
// - transactions are begun, committed and rolled back here, and the lock is released
//   whatever happens. Prisma's own sequence (executeRaw("COMMIT"), then commit()) never
//   released anything when the COMMIT failed, e.g. on a full disk: every later query hung;
// - a transaction SQLite left open (a failed COMMIT) is rolled back before the next one;
// - `guard` (the file watch) refuses queries while the database file is gone.
//
// Consequence: inside `db.$transaction(async (tx) => …)` use only `tx`; a query on the
// outer client would wait for the transaction it is part of (and time out).
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import { Lock } from "./lock.js";

/** What the direct path needs from better-sqlite3 (kept minimal to avoid leaking the driver). */
export type SqliteConnection = {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): { changes: number } };
  exec(sql: string): unknown;
  readonly inTransaction: boolean;
};

export type SerializedOptions = {
  /** The longest a query waits for the connection before failing with "busy". */
  lockWaitMs: number;
  /** Throws when the database must not be used (the file was deleted); called before each use. */
  guard: () => void;
  /** Called when Prisma closes the connection (`$disconnect`). */
  onDispose?: () => void;
};

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

class SerializedAdapter implements SqlDriverAdapter {
  readonly lock: Lock;
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;
  readonly connection: SqliteConnection;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly options: SerializedOptions,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.lock = new Lock(options.lockWaitMs);
    const connection = (inner as unknown as { client?: SqliteConnection }).client;
    if (!connection) throw new Error("the SQLite adapter does not expose its connection");
    this.connection = connection;
  }

  private guarded<T>(work: () => Promise<T> | T): Promise<T> {
    return this.lock.run(() => {
      this.options.guard();
      this.rollBackLeftovers();
      return work();
    });
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.guarded(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.guarded(() => this.inner.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.guarded(() => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE")
      throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    const release = await this.lock.acquire();
    try {
      this.options.guard();
      this.rollBackLeftovers();
      await this.inner.executeRaw(statement("BEGIN"));
    } catch (error) {
      release();
      throw error;
    }
    let closed = false;
    const close = async (end: "COMMIT" | "ROLLBACK") => {
      if (closed) return;
      closed = true;
      try {
        if (end === "COMMIT") await this.inner.executeRaw(statement("COMMIT"));
      } finally {
        this.rollBackLeftovers();
        release();
      }
    };
    return {
      provider: this.provider,
      adapterName: this.adapterName,
      // Prisma then leaves COMMIT/ROLLBACK to commit()/rollback() below.
      options: { usePhantomQuery: true },
      queryRaw: (q) => this.inner.queryRaw(q),
      executeRaw: (q) => this.inner.executeRaw(q),
      commit: () => close("COMMIT"),
      rollback: () => close("ROLLBACK"),
    };
  }

  /**
   * Rolls back a transaction that is open although nobody holds it: after a failed
   * COMMIT, or a ROLLBACK asked for when SQLite had already rolled back by itself.
   * Errors are ignored: the connection is then unusable anyway, and the next query says why.
   */
  private rollBackLeftovers(): void {
    if (!this.connection.inTransaction) return;
    try {
      this.connection.exec("ROLLBACK");
    } catch {}
  }

  /**
   * Moves everything from the -wal file into the database file, even while `guard`
   * refuses queries: once the file is deleted, its open inode (readable through
   * /proc/<pid>/fd) is the only complete copy, and the -wal would be lost at shutdown.
   */
  checkpoint(): Promise<void> {
    return this.lock.run(() => void this.connection.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose(): Promise<void> {
    this.options.onDispose?.();
    return this.inner.dispose();
  }

  /**
   * Runs synchronous work on the very connection Prisma uses, under the same lock, so it
   * can never land inside an open transaction (src/db/direct.ts).
   */
  exclusive<T>(work: (connection: SqliteConnection) => T): Promise<T> {
    return this.guarded(() => work(this.connection));
  }
}

export class SerializedAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider: SqlDriverAdapterFactory["provider"];
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapterFactory,
    private readonly options: SerializedOptions,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  /** The connected adapter (Prisma connects on the first query). */
  adapter: SerializedAdapter | undefined;

  async connect(): Promise<SqlDriverAdapter> {
    this.adapter = new SerializedAdapter(await this.inner.connect(), this.options);
    return this.adapter;
  }
}
