// Start-up refuses a database it would damage or silently fail to use, naming the
// problem and the way out (docs/decisions/0012-database-faults.md):
// - a data directory that holds this instance's keys but not its database: the database
//   was lost (deleted, a volume not mounted, a wrong DATA_DIR/DATABASE_URL). Migrating
//   would create an empty one, and every account, enrolment and certificate would be gone;
// - a database that cannot be written: SQLite opens it read-only without complaint and
//   every sign-in would fail later.
import fs from "node:fs";
import path from "node:path";
import { ISSUER_KEY_FILE } from "../certificates/issuer-key.js";
import type { Env } from "../env.js";
import { INSTANCE_SECRET_FILE } from "../security/instance-secret.js";
import { databaseFault, type FaultReason } from "./faults.js";
import { probeDatabaseFile } from "./health.js";
import { applyMigrations, type MigrationResult, sqliteFilePath } from "./migrate.js";

export class DatabaseStartupError extends Error {
  override name = "DatabaseStartupError";
}

const WHY: Record<FaultReason | "error", string> = {
  "read-only":
    "it is read-only. Check that its file system is mounted read-write and that the user running Sendero may write the file, its folder and the -wal/-shm files beside it.",
  missing:
    "SQLite cannot open it for writing (a read-only file system, or no permission on its folder). Check the mount and the folder's owner and permissions.",
  "disk-full": "the disk is full. Free some space and start again.",
  corrupt: "it is damaged or is not an SQLite database. Restore it from your backup, or check DATABASE_URL.",
  io: "the disk reports an input/output error. Check the disk and the file system.",
  busy: "another process holds it locked. Stop the other process and start again.",
  error: "an unexpected error occurred.",
};
const FILE_ERRORS: Record<string, FaultReason> = {
  EACCES: "read-only",
  EPERM: "read-only",
  EROFS: "read-only",
  ENOSPC: "disk-full",
};

/** Migrates the database after checking it is this instance's and can be written. */
export function prepareDatabase(env: Env, migrationsDir: string, now: Date): MigrationResult {
  const file = sqliteFilePath(env.databaseUrl);
  if (file === ":memory:") return applyMigrations(env.databaseUrl, migrationsDir);
  refuseLostDatabase(env.dataDir, file);
  let result: MigrationResult;
  try {
    result = applyMigrations(env.databaseUrl, migrationsDir);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = databaseFault(error)?.reason ?? (typeof code === "string" ? FILE_ERRORS[code] : undefined);
    if (reason) throw notWritable(file, reason, String(code));
    throw error;
  }
  const probe = probeDatabaseFile(file, now);
  if (!probe.ok) throw notWritable(file, probe.reason, probe.detail);
  return result;
}

function refuseLostDatabase(dataDir: string, file: string): void {
  const keys = [INSTANCE_SECRET_FILE, ISSUER_KEY_FILE].filter((name) => fs.existsSync(path.join(dataDir, name)));
  if (!keys.length) return;
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
  if (size) return;
  throw new DatabaseStartupError(
    [
      `Sendero cannot start: its database is missing.`,
      `  ${path.resolve(file)} ${size === 0 ? "is empty" : "does not exist"}, but ${dataDir} holds this instance's keys (${keys.join(", ")}): this instance has run before and had a database.`,
      `  Starting now would create an empty database, and every account, enrolment and certificate would be gone.`,
      `  Restore the database from your backup to that path, or check DATA_DIR and DATABASE_URL (an unmounted volume?).`,
      `  To really start a new, empty instance here, move the key files out of ${dataDir} first.`,
    ].join("\n"),
  );
}

function notWritable(file: string, reason: FaultReason | "error", detail: string): DatabaseStartupError {
  return new DatabaseStartupError(
    `Sendero cannot start: it cannot write its database ${path.resolve(file)} (${detail}):\n  ${WHY[reason]}`,
  );
}
