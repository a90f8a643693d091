// Real faults under the real server (src/server.ts in a child process): a full disk, the
// database file moved or deleted while running, and a database that cannot be written at
// start-up. Each: the status code, that the process stays up, and recovery once the fault
// clears. Set FAULT_FIGURES=1 to print the timings.
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { canMountTmpfs, freshTempDir, mountTmpfs, type Tmpfs } from "../../helpers/fault-fs.js";
import {
  SERVER_ORIGIN,
  type ServerProcess,
  startServer,
  startServerExpectingFailure,
} from "../../helpers/server-process.js";
import { waitFor } from "../../helpers/wait.js";

const TIMEOUT = 120_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(dir: string): Promise<ServerProcess> {
  const server = await startServer(dir);
  cleanups.push(() => server.stop());
  return server;
}

const figure = (label: string, ms: number) => {
  if (process.env.FAULT_FIGURES) console.log(`[fault figures] ${label}: ${Math.round(ms)} ms`);
};

const form = (server: ServerProcess, route: string, fields: Record<string, string>) =>
  fetch(`${server.url}${route}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: SERVER_ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
const PASSWORD = "nine lives of a cat";
const register = (server: ServerProcess, username: string) =>
  form(server, "/register", { displayName: username, username, password: PASSWORD });
const signIn = (server: ServerProcess, username: string) =>
  form(server, "/login", { identifier: username, password: PASSWORD });
const health = async (server: ServerProcess) => {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
};

async function expectUnavailablePage(res: Response, retryAfter: string): Promise<void> {
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe(retryAfter);
  const text = await res.text();
  expect(text).toContain("Temporarily unavailable");
  expect(text).not.toMatch(/SQLITE|SqliteError|at .*\.ts:\d+/);
}

describe.skipIf(!canMountTmpfs())("a full disk (a 4 MiB tmpfs, filled up)", () => {
  it(
    "a registration meeting it gets a 503 page at once; the server stays up, and recovers when space is freed",
    async () => {
      const volume: Tmpfs = mountTmpfs(4 * 1024 * 1024);
      cleanups.push(() => volume.unmount());
      const server = await serve(volume.dir);
      expect((await register(server, "before")).status).toBe(200);

      const filler = volume.fill();
      let started = performance.now();
      // Registration is one Prisma transaction: before the fix its failed COMMIT kept the
      // connection locked, and this request (and every later one) hung.
      await expectUnavailablePage(await register(server, "during"), "30");
      figure("disk full: registration answered 503 after", performance.now() - started);
      started = performance.now();
      const unhealthy = await health(server);
      figure("disk full: /healthz answered after", performance.now() - started);
      expect(unhealthy).toEqual({ status: 503, body: expect.objectContaining({ reason: "disk-full" }) });
      // Other requests are answered at once, not queued behind a wedged connection.
      started = performance.now();
      await expectUnavailablePage(await signIn(server, "before"), "30");
      figure("disk full: a sign-in (it writes a session) answered 503 after", performance.now() - started);
      expect(server.alive()).toBe(true);

      fs.rmSync(filler);
      started = performance.now();
      await waitFor(async () => (await register(server, "after")).status === 200, { what: "a registration" });
      figure("disk full: first successful registration after freeing space", performance.now() - started);
      await waitFor(async () => (await health(server)).status === 200, { what: "/healthz 200" });
      figure("disk full: /healthz 200 again after freeing space", performance.now() - started);
      expect((await signIn(server, "before")).status).toBe(303);
      expect((await signIn(server, "after")).status).toBe(303);
      // Nothing of the registration that failed was kept.
      expect((await signIn(server, "during")).status).not.toBe(303);
      expect(server.alive()).toBe(true);
    },
    TIMEOUT,
  );
});

describe("the database file moved away or deleted while the server runs", () => {
  it(
    "is refused with 503 until it is back; after a deletion the server will not start on an empty database, and a copy of the open file restores it",
    async () => {
      const dir = freshTempDir("sendero-deleted-");
      cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      const file = path.join(dir, "sendero.db");
      const server = await serve(dir);
      expect((await register(server, "ana")).status).toBe(200);

      fs.renameSync(file, `${file}.moved`);
      let started = performance.now();
      // Without /healthz calls, the periodic check (every 2 s) notices it.
      await waitFor(async () => (await signIn(server, "ana")).status === 503, { what: "sign-in refused" });
      figure("file moved: sign-in refused after", performance.now() - started);
      await expectUnavailablePage(await signIn(server, "ana"), "30");
      expect(await health(server)).toEqual({ status: 503, body: expect.objectContaining({ reason: "missing" }) });
      expect(server.alive()).toBe(true);

      fs.renameSync(`${file}.moved`, file);
      started = performance.now();
      await waitFor(async () => (await health(server)).status === 200, { what: "/healthz 200" });
      figure("file moved back: /healthz 200 after", performance.now() - started);
      expect((await signIn(server, "ana")).status).toBe(303);

      // As `rm sendero.db*` would: the -wal file (recent commits) goes too.
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
      started = performance.now();
      expect(await health(server)).toEqual({ status: 503, body: expect.objectContaining({ reason: "missing" }) });
      figure("file deleted: /healthz 503 after", performance.now() - started);
      await expectUnavailablePage(await register(server, "lost"), "30");
      expect(server.alive()).toBe(true);
      // The log says where the deleted file can still be read; the server checkpointed
      // the -wal into it first, so that copy is complete.
      const copy = await waitFor(() => /copy (\/proc\/\d+\/fd\/\d+) back/.exec(server.output())?.[1], {
        what: "the recovery hint in the log",
      });
      fs.copyFileSync(copy, `${file}.rescued`);

      await server.stop();
      const restart = await startServerExpectingFailure(dir);
      expect(restart.code).toBe(1);
      expect(restart.output).toContain("Sendero cannot start: its database is missing.");
      expect(restart.output).toContain(`${file} does not exist`);
      expect(restart.output).toContain("instance-secret, issuer-key.json");
      expect(fs.existsSync(file)).toBe(false);

      fs.renameSync(`${file}.rescued`, file);
      const restored = await serve(dir);
      expect((await signIn(restored, "ana")).status).toBe(303);
      expect((await signIn(restored, "lost")).status).not.toBe(303);
    },
    TIMEOUT,
  );
});

// As root, file permissions do not stop writes: a read-only mount does. Elsewhere, chmod.
const root = process.getuid?.() === 0;
describe.skipIf(root && !canMountTmpfs())("a database the server cannot write at start-up", () => {
  it(
    "stops start-up naming the file and the problem, and starts once it is writable again",
    async () => {
      let dir: string;
      let makeWritable: () => void;
      let makeReadOnly: () => void;
      if (root) {
        const volume = mountTmpfs(8 * 1024 * 1024);
        cleanups.push(() => volume.unmount());
        dir = volume.dir;
        makeReadOnly = () => volume.remount("ro");
        makeWritable = () => volume.remount("rw");
      } else {
        dir = freshTempDir("sendero-readonly-");
        cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
        makeReadOnly = () => {
          fs.chmodSync(path.join(dir, "sendero.db"), 0o444);
          fs.chmodSync(dir, 0o555);
        };
        makeWritable = () => {
          fs.chmodSync(dir, 0o755);
          fs.chmodSync(path.join(dir, "sendero.db"), 0o644);
        };
        cleanups.push(makeWritable);
      }
      const first = await startServer(dir);
      expect((await register(first, "ana")).status).toBe(200);
      await first.stop();

      makeReadOnly();
      const refused = await startServerExpectingFailure(dir);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(
        `Sendero cannot start: it cannot write its database ${path.join(dir, "sendero.db")}`,
      );
      expect(refused.output).toMatch(/read-only|cannot open it for writing/);

      makeWritable();
      const server = await serve(dir);
      expect((await health(server)).status).toBe(200);
      expect((await signIn(server, "ana")).status).toBe(303);
    },
    TIMEOUT,
  );
});
