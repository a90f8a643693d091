// Opens the Prisma client over the better-sqlite3 driver adapter and tunes SQLite for a
// web server: WAL so reads never wait for writes, a busy timeout instead of instant
// SQLITE_BUSY errors, and foreign keys enforced. `secure_delete` makes SQLite overwrite
// deleted and replaced content with zeros, so an erased person's data does not linger in
// free pages of the file (src/privacy/erase.ts; docs/decisions/0010-export-and-erase.md).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client.js";
import { registerDirect } from "./direct.js";
import { sqliteFilePath } from "./migrate.js";
import { SerializedAdapterFactory } from "./serialized-adapter.js";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** Query functions accept either, so services decide what is one transaction. */
export type DbClient = Db | Tx;

export async function openDb(databaseUrl: string): Promise<Db> {
  const adapter = new SerializedAdapterFactory(
    new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(databaseUrl)}`, timeout: 5000 }),
  );
  const db = new PrismaClient({ adapter });
  registerDirect(db, adapter);
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  await db.$queryRawUnsafe("PRAGMA secure_delete = ON");
  return db;
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

/** True when the database answers a trivial query. */
export async function pingDb(db: Db): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
