// Notices when the database file under its path is no longer the file the connection
// opened: deleted (writes would land in an unlinked inode and vanish at the next start)
// or replaced (a restore or a stray copy). Either way, going on would acknowledge writes
// that are lost, so the database layer refuses queries while the fault lasts
// (src/db/serialized-adapter.ts) and /healthz reports it. Moving the file back clears it.
import fs from "node:fs";
import { DatabaseUnavailableError } from "./faults.js";

type Identity = { dev: number; ino: number };

function identityOf(file: string): Identity | null {
  try {
    const { dev, ino } = fs.statSync(file);
    return { dev, ino };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export class DatabaseFileWatch {
  private readonly opened: Identity | null;
  private timer: NodeJS.Timeout | undefined;
  /** The current fault, refreshed by `check()` (periodically once `start()`ed, and by /healthz). */
  fault: DatabaseUnavailableError | null = null;

  /** Call right after the connection opened the file. */
  constructor(
    readonly file: string,
    private readonly onChange: (fault: DatabaseUnavailableError | null) => void = () => {},
  ) {
    this.opened = identityOf(file);
  }

  check(): DatabaseUnavailableError | null {
    const now = identityOf(this.file);
    const fault = !now
      ? new DatabaseUnavailableError("missing", "the database file was deleted or moved while the server was running")
      : this.opened && (now.dev !== this.opened.dev || now.ino !== this.opened.ino)
        ? new DatabaseUnavailableError("missing", "the database file was replaced by another file while running")
        : null;
    if (fault?.message !== this.fault?.message) this.onChange(fault);
    this.fault = fault;
    return fault;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => this.check(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * Where a deleted file is still readable while this process keeps it open (Linux), so
 * the log can tell the operator what to copy back before stopping the server.
 */
export function openedCopyOf(file: string): string | undefined {
  try {
    for (const fd of fs.readdirSync("/proc/self/fd")) {
      const target = fs.readlinkSync(`/proc/self/fd/${fd}`, { encoding: "utf8" });
      if (target === `${file} (deleted)`) return `/proc/${process.pid}/fd/${fd}`;
    }
  } catch {}
  return undefined;
}
