// One request never stops the server: a real server process (tests/fixtures/safety-net/
// server.ts) whose routes fail outside Express's reach — a throwing timer, an unawaited
// rejected promise, a throw after the answer — answers those requests with the 500 page,
// logs them with the request id and no personal data, and keeps serving.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let child: ChildProcess;
let base: string;
const lines: string[] = [];
const logged = () => lines.flatMap((l) => (l.startsWith("{") ? [JSON.parse(l) as Record<string, unknown>] : []));

beforeAll(async () => {
  child = spawn(path.resolve("node_modules/.bin/tsx"), ["tests/fixtures/safety-net/server.ts"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let buffered = "";
  const collect = (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split("\n");
    buffered = parts.pop()!;
    lines.push(...parts);
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const ready = await waitFor(() => logged().find((l) => l.message === "test server ready"), 60_000);
  base = `http://127.0.0.1:${ready.port}`;
}, 90_000);

afterAll(async () => {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
});

/** Polls until `find` returns something (beforeAll cannot use expect.poll). */
async function waitFor<T>(find: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (child.exitCode !== null) throw new Error(`test server exited:\n${lines.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`test server not ready:\n${lines.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function expectStillServing() {
  expect(child.exitCode).toBeNull();
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
}

describe("an error outside Express's reach", () => {
  it.each([
    ["/boom/timer", "uncaught exception"],
    ["/boom/rejection", "unhandled rejection"],
  ])("in %s answers that request with the 500 page, is logged, and the server keeps serving", async (route, kind) => {
    const res = await fetch(`${base}${route}`);
    expect(res.status).toBe(500);
    const page = await res.text();
    const requestId = res.headers.get("x-request-id")!;
    expect(page).toContain("Something went wrong");
    expect(page).toContain(requestId);
    expect(page).not.toContain("secret@example.org");
    await expectStillServing();
    await expect
      .poll(() => logged().find((l) => l.message === kind && l.requestId === requestId), { timeout: 10_000 })
      .toMatchObject({ level: "error", route, error: "Error" });
  });

  it("after the answer was sent is logged, and the server keeps serving", async () => {
    const res = await fetch(`${base}/boom/after-answer`);
    expect(await res.text()).toBe("answered");
    const requestId = res.headers.get("x-request-id")!;
    await expect
      .poll(() => logged().some((l) => l.message === "uncaught exception" && l.requestId === requestId), {
        timeout: 10_000,
      })
      .toBe(true);
    await expectStillServing();
  });

  it("never writes the error's message, which may hold personal data, to the log", () => {
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain("secret@example.org");
  });
});
