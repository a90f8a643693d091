// Errors outside any request are tolerated and logged without their message, until they
// keep coming: ten within a minute stop the process (once) for its supervisor to restart.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/web/log.js";
import { installSafetyNet, MAX_STRAY_ERRORS } from "../../../src/web/safety-net.js";

function setUp() {
  const proc = new EventEmitter();
  const lines: string[] = [];
  let fatal = 0;
  let clock = 0;
  installSafetyNet(
    proc,
    createLogger("debug", (l) => lines.push(l)),
    {
      onFatal: () => fatal++,
      now: () => clock,
    },
  );
  const fail = () => proc.emit("uncaughtException", new TypeError("secret@example.org broke it"));
  return { proc, lines, fatal: () => fatal, fail, advance: (ms: number) => (clock += ms) };
}

describe("the safety net, outside requests", () => {
  it("logs each error by name and stack, without its message, and keeps going", () => {
    const { lines, fatal, fail } = setUp();
    fail();
    expect(fatal()).toBe(0);
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({ level: "error", message: "uncaught exception", error: "TypeError" });
    expect(line.stack.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain("secret@example.org");
  });

  it(`stops the process once after ${MAX_STRAY_ERRORS} errors within a minute`, () => {
    const { fatal, fail, proc } = setUp();
    for (let i = 0; i < MAX_STRAY_ERRORS - 1; i++) fail();
    expect(fatal()).toBe(0);
    proc.emit("unhandledRejection", new Error("rejected"));
    expect(fatal()).toBe(1);
    fail();
    expect(fatal()).toBe(1);
  });

  it("forgets errors older than a minute", () => {
    const { fatal, fail, advance } = setUp();
    for (let i = 0; i < MAX_STRAY_ERRORS * 3; i++) {
      fail();
      advance(10_000);
    }
    expect(fatal()).toBe(0);
  });
});
