// Database faults met by requests, in-process: the connection is never left locked, a
// request that meets a fault gets a 503 page (not a hang, not a 500), and the next
// requests work again as soon as the fault clears. Real file-system faults, seen from
// outside the process, are in server-faults.test.ts.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction, withSql } from "../../../src/db/direct.js";
import { ORIGIN } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { waitFor } from "../../helpers/wait.js";

let ctx: TestContext;
beforeAll(async () => {
  // A short bound on lock waits keeps the "busy" test quick; production waits 5 s.
  ctx = await createTestContext({ db: { lockWaitMs: 300 } });
});
afterAll(() => ctx.close());

const register = (username: string, lang = "en") =>
  request(ctx.app)
    .post("/register")
    .set("Origin", ORIGIN)
    .set("Cookie", `lang=${lang}`)
    .type("form")
    .send({ displayName: username, username, password: "nine lives of a cat" });

const userCount = (username: string) => ctx.db.user.count({ where: { username } });
const figure = (label: string, ms: number) => {
  if (process.env.FAULT_FIGURES) console.log(`[fault figures] ${label}: ${Math.round(ms)} ms`);
};

describe("a COMMIT that fails", () => {
  it("rolls the transaction back and leaves the connection free for the next query", async () => {
    const user = await register("committer").expect(200);
    expect(user.status).toBe(200);
    // A deferred foreign key is checked at COMMIT, which then fails and leaves SQLite's
    // transaction open: the same path as a disk that fills up at COMMIT.
    const failed = await ctx.db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
        await tx.recoveryCode.create({ data: { codeHash: "orphan", userId: "no-such-user" } });
      })
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    const started = performance.now();
    expect(await ctx.db.recoveryCode.count({ where: { codeHash: "orphan" } })).toBe(0);
    expect(performance.now() - started).toBeLessThan(250);
    // And the next transaction starts cleanly (no "transaction within a transaction").
    await ctx.db.$transaction(async (tx) => {
      await tx.user.updateMany({ where: { username: "committer" }, data: { displayName: "After" } });
    });
    expect((await ctx.db.user.findFirstOrThrow({ where: { username: "committer" } })).displayName).toBe("After");
  });
});

describe("a direct transaction that SQLite already rolled back (as it may on a full disk)", () => {
  it("reports the error that happened, not a failed ROLLBACK, and the connection stays usable", async () => {
    const failed = inTransaction(ctx.db, (sql) => {
      sql.run(`UPDATE "User" SET "displayName" = 'never' WHERE "username" = 'committer'`);
      sql.run("ROLLBACK"); // what SQLite does by itself after some SQLITE_FULL/IOERR errors
      throw new Error("database or disk is full");
    });
    await expect(failed).rejects.toThrow("database or disk is full");
    expect(await ctx.db.user.count({ where: { displayName: "never" } })).toBe(0);
  });
});

describe("a connection held too long", () => {
  it("answers other requests 503 with Retry-After after a bounded wait, then serves them again", async () => {
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let inside = false;
    const holder = ctx.db.$transaction(
      async (tx) => {
        await tx.user.count();
        inside = true;
        await held;
      },
      { timeout: 20_000 },
    );
    await waitFor(() => inside, { what: "the transaction to start" });
    const started = performance.now();
    const res = await register("waiter");
    const waited = performance.now() - started;
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
    expect(res.text).toContain("Temporarily unavailable");
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(5_000);
    figure("busy (300 ms bound): registration answered 503 after", waited);
    letGo();
    await holder;
    const recovered = performance.now();
    await register("waiter").expect(200);
    figure("busy: registration after the holder let go took", performance.now() - recovered);
    expect(await userCount("waiter")).toBe(1);
  });
});

describe("a database that refuses writes (SQLite's query_only, as on a read-only file)", () => {
  it("answers writes 503 in the visitor's language, stores nothing, keeps reads working and recovers", async () => {
    const before = await ctx.db.user.count();
    await withSql(ctx.db, (sql) => sql.run("PRAGMA query_only = ON"));
    try {
      const started = performance.now();
      const res = await register("readonly1", "fr");
      figure("read-only (query_only): registration answered 503 after", performance.now() - started);
      expect(res.status).toBe(503);
      expect(res.headers["retry-after"]).toBe("30");
      expect(res.text).toContain("Service momentanément indisponible");
      expect(res.text).not.toMatch(/SQLITE|Error:|at .*\.ts:\d+/);
      for (const lang of ["ar", "ru"]) {
        const page = await register(`readonly-${lang}`, lang);
        expect(page.status).toBe(503);
        expect(page.text).toContain(lang === "ar" ? "الخدمة غير متاحة مؤقتًا" : "Временно недоступно");
      }
      expect(await ctx.db.user.count()).toBe(before);
      const health = await waitFor(async () => {
        const r = await request(ctx.app).get("/healthz");
        return r.status === 503 && r.body;
      });
      expect(health).toMatchObject({ status: "unavailable", reason: "read-only" });
    } finally {
      await withSql(ctx.db, (sql) => sql.run("PRAGMA query_only = OFF"));
    }
    const cleared = performance.now();
    await register("readonly1").expect(200);
    figure("read-only cleared: first registration succeeded after", performance.now() - cleared);
    expect(await userCount("readonly1")).toBe(1);
    await waitFor(async () => (await request(ctx.app).get("/healthz")).status === 200, { what: "/healthz 200" });
    figure("read-only cleared: /healthz 200 after", performance.now() - cleared);
  });
});
