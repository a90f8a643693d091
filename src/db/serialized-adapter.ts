// The better-sqlite3 adapter shares one connection between all requests. Its own mutex
// only orders transactions among themselves: a plain query from another request would
// run *inside* an open interactive transaction (seeing uncommitted rows, and rolled back
// with it). This wrapper puts every query and transaction behind one lock, so a query
// waits until an open transaction commits or rolls back. Queries are synchronous C calls
// underneath, so the lock costs a promise hop, not throughput.
//
// Consequence: inside `db.$transaction(async (tx) => …)` use only `tx`; a query on the
// outer client would wait for the transaction it is part of (and time out).
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";

class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => released);
    return previous.then(() => release);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/** What the direct path needs from better-sqlite3 (kept minimal to avoid leaking the driver). */
export type SqliteConnection = {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; run(...params: unknown[]): { changes: number } };
};

class SerializedAdapter implements SqlDriverAdapter {
  readonly lock = new Lock();
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;

  constructor(private readonly inner: SqlDriverAdapter) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.lock.run(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.lock.run(() => this.inner.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.lock.run(() => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.lock.acquire();
    try {
      const tx = await this.inner.startTransaction(isolationLevel);
      const finish = (end: () => Promise<void>) => async () => {
        try {
          await end();
        } finally {
          release();
        }
      };
      return {
        provider: tx.provider,
        adapterName: tx.adapterName,
        options: tx.options,
        queryRaw: (q) => tx.queryRaw(q),
        executeRaw: (q) => tx.executeRaw(q),
        commit: finish(() => tx.commit()),
        rollback: finish(() => tx.rollback()),
      };
    } catch (error) {
      release();
      throw error;
    }
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }

  /**
   * Runs synchronous work on the very connection Prisma uses, under the same lock, so it
   * can never land inside an open transaction (src/db/direct.ts).
   */
  exclusive<T>(work: (connection: SqliteConnection) => T): Promise<T> {
    const connection = (this.inner as unknown as { client?: SqliteConnection }).client;
    if (!connection) throw new Error("the SQLite adapter does not expose its connection");
    return this.lock.run(async () => work(connection));
  }
}

export class SerializedAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider: SqlDriverAdapterFactory["provider"];
  readonly adapterName: string;

  constructor(private readonly inner: SqlDriverAdapterFactory) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  /** The connected adapter (Prisma connects on the first query). */
  adapter: SerializedAdapter | undefined;

  async connect(): Promise<SqlDriverAdapter> {
    this.adapter = new SerializedAdapter(await this.inner.connect());
    return this.adapter;
  }
}
