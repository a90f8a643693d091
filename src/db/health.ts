// What /healthz and start-up ask of the database: is it still the file we opened, can it
// be written (a committed write — reads keep working on a full disk or a read-only file),
// and is there room left on its volume. Each answer names the problem for the operator.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type Db, fileWatchOf } from "./client.js";
import { inTransaction, type SyncSql } from "./direct.js";
import { databaseFault, type FaultReason } from "./faults.js";

export type DatabaseHealth = { ok: true } | { ok: false; reason: FaultReason | "error"; detail: string };

/** Below this much free space on the database's volume, /healthz reports "disk-full". */
export const MIN_FREE_BYTES = 1024 * 1024;

const PROBE = `INSERT INTO "HealthProbe" ("id", "checkedAt") VALUES (1, ?)
  ON CONFLICT ("id") DO UPDATE SET "checkedAt" = excluded."checkedAt"`;

function writeProbe(sql: SyncSql, now: Date): void {
  sql.run(PROBE, [now]);
}

function failure(error: unknown, what: string): DatabaseHealth {
  const fault = databaseFault(error);
  const code = (error as { code?: unknown })?.code;
  const detail = `${what}: ${fault?.code ?? (typeof code === "string" ? code : "unexpected error")}`;
  return { ok: false, reason: fault?.reason ?? "error", detail };
}

/** Cheap (one stat): is the file under the path still the one the connection opened? */
export function checkDatabaseFile(db: Db): DatabaseHealth {
  const moved = fileWatchOf(db)?.check();
  return moved ? { ok: false, reason: moved.reason, detail: moved.message } : { ok: true };
}

/** A committed write, and the free space beside the file. */
export async function probeDatabase(db: Db, now: Date): Promise<DatabaseHealth> {
  const watch = fileWatchOf(db);
  try {
    await inTransaction(db, (sql) => writeProbe(sql, now));
  } catch (error) {
    return failure(error, "the database cannot be written");
  }
  if (watch) {
    const { bavail, bsize } = fs.statfsSync(path.dirname(watch.file));
    if (bavail * bsize < MIN_FREE_BYTES)
      return {
        ok: false,
        reason: "disk-full",
        detail: `less than 1 MiB free beside the database (${bavail * bsize} bytes)`,
      };
  }
  return { ok: true };
}

/**
 * At start-up, on a connection of its own: SQLite opens a file it cannot write read-only
 * without a word, and everything but writes then works — until the first sign-in.
 */
export function probeDatabaseFile(file: string, now: Date): DatabaseHealth {
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.prepare(PROBE).run(now.toISOString().replace(/Z$/, "+00:00"));
    } finally {
      db.close();
    }
    return { ok: true };
  } catch (error) {
    return failure(error, "a test write failed");
  }
}
