// Rate limits: per-account failures with growing waits, and per-IP token buckets, for
// sign-in, registration, reset and recovery → 429 with Retry-After; they recover with
// time, survive a restart, and store IPs and names only as keyed hashes.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app.js";
import { createUser, ORIGIN, PASSWORD, TestClock } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
const clock = new TestClock();
beforeAll(async () => {
  ctx = await createTestContext({ clock, env: { TRUST_PROXY: "true" } });
});
afterAll(() => ctx.close());

let ip = 1;
/** Each test its own client address (trusted from X-Forwarded-For in this context). */
const newIp = () => `203.0.113.${ip++}`;
const post = (path: string, form: Record<string, string>, from: string) =>
  request(ctx.app).post(path).set("Origin", ORIGIN).set("X-Forwarded-For", from).type("form").send(form);

describe("sign-in failures on one account", () => {
  it("are free five times, then wait 30 s, 60 s, … with Retry-After, even with the right password", async () => {
    const user = await createUser(ctx);
    const from = newIp();
    for (let i = 0; i < 5; i++)
      await post("/login", { identifier: user.username, password: "wrong password" }, from).expect(422);
    const blocked = await post("/login", { identifier: user.username, password: PASSWORD }, from).expect(429);
    expect(blocked.headers["retry-after"]).toBe("30");
    expect(blocked.text).toContain("Too many attempts");
    clock.advance(31_000);
    await post("/login", { identifier: user.username, password: "wrong again" }, from).expect(422);
    expect(
      (await post("/login", { identifier: user.username, password: PASSWORD }, from).expect(429)).headers[
        "retry-after"
      ],
    ).toBe("60");
    clock.advance(61_000);
    await post("/login", { identifier: user.username, password: PASSWORD }, from).expect(303);
    // Success clears the count.
    await post("/login", { identifier: user.username, password: "wrong password" }, from).expect(422);
  });

  it("count the same account whether the username or the email is typed", async () => {
    const user = await createUser(ctx, { email: "counted@example.org" });
    const from = newIp();
    for (let i = 0; i < 3; i++)
      await post("/login", { identifier: user.username, password: "nope nope" }, from).expect(422);
    for (let i = 0; i < 2; i++)
      await post("/login", { identifier: "counted@example.org", password: "nope nope" }, from).expect(422);
    await post("/login", { identifier: user.username, password: PASSWORD }, from).expect(429);
    clock.advance(3600_000);
  });

  it("are limited for names that match no account too, so limits reveal nothing", async () => {
    const from = newIp();
    for (let i = 0; i < 5; i++)
      await post("/login", { identifier: "ghost-account", password: "nope nope" }, from).expect(422);
    await post("/login", { identifier: "ghost-account", password: "nope nope" }, from).expect(429);
    clock.advance(3600_000);
  });
});

describe("per-IP buckets", () => {
  it("refuse a burst of registrations from one address, then refill", async () => {
    const from = newIp();
    for (let i = 0; i < 30; i++)
      await post(
        "/register",
        { displayName: "B", username: `burst${i}`, email: `burst${i}@example.org`, password: "a burst passphrase" },
        from,
      ).expect(303);
    const refused = await post(
      "/register",
      { displayName: "B", username: "burst-x", email: "bx@example.org", password: "a burst passphrase" },
      from,
    ).expect(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(await ctx.db.user.count({ where: { username: "burst-x" } })).toBe(0);
    // Another address is not affected.
    await post(
      "/register",
      { displayName: "B", username: "burst-y", email: "by@example.org", password: "a burst passphrase" },
      newIp(),
    ).expect(303);
    clock.advance(Number(refused.headers["retry-after"]) * 1000);
    await post(
      "/register",
      { displayName: "B", username: "burst-x", email: "bx@example.org", password: "a burst passphrase" },
      from,
    ).expect(303);
  });

  it("limit password-reset requests", async () => {
    const from = newIp();
    for (let i = 0; i < 10; i++) await post("/forgot-password", { identifier: `someone${i}` }, from).expect(200);
    await post("/forgot-password", { identifier: "someone" }, from).expect(429);
  });

  it("limit recovery-code guesses per account and per address", async () => {
    await createUser(ctx, { username: "guessme" });
    const from = newIp();
    for (let i = 0; i < 5; i++)
      await post(
        "/recover",
        { identifier: "guessme", code: "aaaa-aaaa-aaaa-aaaa", password: "a new passphrase" },
        from,
      ).expect(422);
    await post(
      "/recover",
      { identifier: "guessme", code: "aaaa-aaaa-aaaa-aaaa", password: "a new passphrase" },
      from,
    ).expect(429);
  });
});

describe("rate-limit state", () => {
  it("survives a restart of the app", async () => {
    const user = await createUser(ctx);
    const from = newIp();
    for (let i = 0; i < 5; i++)
      await post("/login", { identifier: user.username, password: "wrong password" }, from).expect(422);
    const restarted = createApp(ctx.deps);
    await request(restarted)
      .post("/login")
      .set("Origin", ORIGIN)
      .set("X-Forwarded-For", from)
      .type("form")
      .send({ identifier: user.username, password: PASSWORD })
      .expect(429);
  });

  it("holds no IP address or sign-in name, only keyed hashes", async () => {
    const rows = JSON.stringify(await ctx.db.rateLimit.findMany());
    expect(rows).not.toMatch(/203\.0\.113|ghost-account|guessme|counted@example/);
    expect(rows).toMatch(/"login:ip:[A-Za-z0-9_-]{32}"/);
  });

  it("prunes rows once their window has passed", async () => {
    const { pruneRateLimits } = await import("../../../src/rate-limit/queries.js");
    clock.advance(3 * 24 * 3600_000);
    await pruneRateLimits(ctx.db, clock.now());
    expect(await ctx.db.rateLimit.count()).toBe(0);
  });
});

describe("X-Forwarded-For", () => {
  it("is ignored unless TRUST_PROXY is set", async () => {
    const direct = await createTestContext({ clock });
    try {
      // Without trust, every request comes from the same socket address, whatever the header says.
      for (let i = 0; i < 10; i++) {
        await request(direct.app)
          .post("/forgot-password")
          .set("Origin", ORIGIN)
          .set("X-Forwarded-For", `198.51.100.${i}`)
          .type("form")
          .send({ identifier: "x" })
          .expect(200);
      }
      await request(direct.app)
        .post("/forgot-password")
        .set("Origin", ORIGIN)
        .set("X-Forwarded-For", "198.51.100.99")
        .type("form")
        .send({ identifier: "x" })
        .expect(429);
    } finally {
      await direct.close();
    }
  });
});
