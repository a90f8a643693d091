// Opens the Prisma client over the better-sqlite3 driver adapter and tunes SQLite for a
// web server: WAL so reads never wait for writes, a busy timeout instead of instant
// SQLITE_BUSY errors, and foreign keys enforced. `secure_delete` makes SQLite overwrite
// deleted and replaced content with zeros, so an erased person's data does not linger in
// free pages of the file (src/privacy/erase.ts; docs/decisions/0013-export-and-erase.md).
// The file is watched from then on (src/db/file-identity.ts), and no query waits for the
// connection without bound.
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client.js";
import { registerDirect } from "./direct.js";
import type { DatabaseUnavailableError } from "./faults.js";
import { DatabaseFileWatch, openedCopyOf } from "./file-identity.js";
import { sqliteFilePath } from "./migrate.js";
import { SerializedAdapterFactory } from "./serialized-adapter.js";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Query functions accept either, so services decide what is one transaction. */
export type DbClient = Db | Tx;

export type OpenDbOptions = {
  /** Longest wait for the shared connection before a query fails as "busy" (503). */
  lockWaitMs?: number;
  /** How often the file is checked for deletion or replacement between /healthz calls. */
  fileCheckMs?: number;
  /** Told when the file goes missing or comes back; `copy` is where a deleted file can still be read. */
  onFileFault?: (fault: DatabaseUnavailableError | null, copy?: string) => void;
};

const watches = new WeakMap<Db, DatabaseFileWatch>();

export async function openDb(databaseUrl: string, options: OpenDbOptions = {}): Promise<Db> {
  const file = sqliteFilePath(databaseUrl);
  let watch: DatabaseFileWatch | undefined;
  const adapter = new SerializedAdapterFactory(new PrismaBetterSQLite3({ url: `file:${file}`, timeout: 5000 }), {
    lockWaitMs: options.lockWaitMs ?? 5000,
    guard: () => {
      if (watch?.fault) throw watch.fault;
    },
    // `db.$disconnect()` ends here.
    onDispose: () => watch?.stop(),
  });
  // Prisma's defaults (2 s to start, 5 s to finish) stay: a transaction that overruns is
  // rolled back, which releases the connection (src/db/serialized-adapter.ts).
  const db = new PrismaClient({ adapter });
  registerDirect(db, adapter);
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await db.$queryRawUnsafe("PRAGMA secure_delete = ON");
  if (file !== ":memory:") {
    const resolved = path.resolve(file);
    watch = new DatabaseFileWatch(resolved, (fault) => {
      if (!fault) return options.onFileFault?.(null);
      // Make the open inode complete before anyone copies it back.
      const saved = adapter.adapter?.checkpoint().catch(() => {}) ?? Promise.resolve();
      void saved.then(() => options.onFileFault?.(fault, openedCopyOf(resolved)));
    });
    watch.start(options.fileCheckMs ?? 2000);
    watches.set(db, watch);
  }
  return db;
}

/** The watch on the file behind `db` (none for an in-memory database). */
export function fileWatchOf(db: Db): DatabaseFileWatch | undefined {
  return watches.get(db);
}

/**
 * Copies the write-ahead log into the database file and truncates the log to zero bytes:
 * after an erasure, the old versions of the erased pages must not survive in the -wal
 * file. False when a reader kept the checkpoint from completing (it is retried next time).
 */
export async function checkpointWal(db: Db): Promise<boolean> {
  const [row] = await db.$queryRawUnsafe<{ busy: number | bigint }[]>("PRAGMA wal_checkpoint(TRUNCATE)");
  return Number(row?.busy ?? 0) === 0;
}
