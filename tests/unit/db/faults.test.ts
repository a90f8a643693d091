// Which errors are database faults (503, try again later) and which are bugs (500).
import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, databaseFault } from "../../../src/db/faults.js";

const sqliteError = (code: string) => Object.assign(new Error("sqlite says no"), { code });

describe("recognising database faults", () => {
  it.each([
    ["SQLITE_FULL", "disk-full"],
    ["SQLITE_READONLY", "read-only"],
    ["SQLITE_READONLY_DIRECTORY", "read-only"],
    ["SQLITE_CANTOPEN", "missing"],
    ["SQLITE_IOERR_WRITE", "io"],
    ["SQLITE_BUSY", "busy"],
    ["P2028", "busy"],
  ])("%s is a %s fault", (code, reason) => {
    expect(databaseFault(sqliteError(code))).toEqual({ reason, code });
  });

  it("finds the fault behind Prisma's wrapping (cause chain and driver adapter metadata)", () => {
    expect(databaseFault(new Error("wrapped", { cause: sqliteError("SQLITE_FULL") }))?.reason).toBe("disk-full");
    const prismaStyle = Object.assign(new Error("Invalid `tx.user.create()`"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { originalCode: "SQLITE_READONLY" } } },
    });
    expect(databaseFault(prismaStyle)?.reason).toBe("read-only");
    expect(databaseFault(new DatabaseUnavailableError("missing", "gone"))?.reason).toBe("missing");
  });

  it("does not take bugs and bad data for faults", () => {
    for (const error of [
      sqliteError("SQLITE_CONSTRAINT_UNIQUE"),
      sqliteError("SQLITE_ERROR"),
      sqliteError("P2002"),
      new TypeError("x is undefined"),
      "a string",
      null,
    ])
      expect(databaseFault(error)).toBeNull();
  });
});
