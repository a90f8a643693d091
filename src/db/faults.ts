// Database faults: conditions outside the application (a full disk, a read-only or
// vanished file, a lock held too long) that make the database unusable for a while.
// They are not bugs, so a request that meets one is answered 503 with Retry-After
// instead of 500, and nothing has to be restarted: the next request tries again.
export type FaultReason = "busy" | "disk-full" | "read-only" | "missing" | "corrupt" | "io";

/** Thrown by the database layer itself (lock wait exceeded, file deleted or replaced). */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  constructor(
    readonly reason: FaultReason,
    detail: string,
  ) {
    super(detail);
  }
}

export type Fault = { reason: FaultReason; code: string };

// SQLite result codes (primary, then extended by prefix) that mean "the environment",
// not "this query". SQLITE_BUSY only happens with a second process on the file.
const BY_CODE: [prefix: string, reason: FaultReason][] = [
  ["SQLITE_FULL", "disk-full"],
  ["SQLITE_READONLY", "read-only"],
  ["SQLITE_CANTOPEN", "missing"],
  ["SQLITE_NOTADB", "corrupt"],
  ["SQLITE_CORRUPT", "corrupt"],
  ["SQLITE_IOERR", "io"],
  ["SQLITE_PROTOCOL", "io"],
  ["SQLITE_BUSY", "busy"],
  ["SQLITE_LOCKED", "busy"],
];

// Prisma's own codes for the same: a transaction that could not start in time (P2028),
// and the adapter's SQLITE_BUSY mapped to a socket timeout (P1008).
const PRISMA_CODES: Record<string, FaultReason> = { P2028: "busy", P1008: "busy" };

/** The fault behind an error, if it is one (Prisma wraps driver errors: the cause chain is searched). */
export function databaseFault(error: unknown): Fault | null {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    if (e instanceof DatabaseUnavailableError) return { reason: e.reason, code: e.reason };
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      const match = BY_CODE.find(([prefix]) => code.startsWith(prefix));
      if (match) return { reason: match[1], code };
      if (PRISMA_CODES[code]) return { reason: PRISMA_CODES[code], code };
    }
    const original = (e as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta
      ?.driverAdapterError?.cause?.originalCode;
    if (typeof original === "string") return databaseFault({ code: original });
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
