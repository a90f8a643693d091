// The session lifecycle, following lucia-auth.com: random tokens whose secret is only
// stored hashed; sliding inactivity expiry written at most hourly; an absolute lifetime;
// shorter limits for admins; and every way a session ends.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, validateSessionToken } from "../../../src/auth/session.js";
import {
  createUser,
  DAY,
  HOUR,
  ORIGIN,
  PASSWORD,
  sessionCookie,
  signedInAgent,
  TestClock,
} from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
const clock = new TestClock();
beforeAll(async () => {
  ctx = await createTestContext({ clock });
});
afterAll(() => ctx.close());

describe("session tokens", () => {
  it("carry 2 × 120 random bits and the database stores only the secret's SHA-256", async () => {
    const user = await createUser(ctx);
    const { token } = await createSession(ctx.db, user.id, "Firefox|Linux", clock.now());
    const [id, secret] = token.split(".");
    expect(id).toMatch(/^[a-km-z2-9]{24}$/);
    expect(secret).toMatch(/^[a-km-z2-9]{24}$/);
    const row = await ctx.db.session.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(row.secretHash).length).toBe(32);
    const everything = JSON.stringify(await ctx.db.session.findMany());
    expect(everything).not.toContain(secret);
  });

  it("are refused when the secret is wrong, malformed or for an unknown id", async () => {
    const user = await createUser(ctx);
    const { token } = await createSession(ctx.db, user.id, "|", clock.now());
    const [id] = token.split(".");
    expect(await validateSessionToken(ctx.db, `${id}.${"a".repeat(24)}`, clock.now())).toBeNull();
    expect(await validateSessionToken(ctx.db, `${"b".repeat(24)}.${"c".repeat(24)}`, clock.now())).toBeNull();
    expect(await validateSessionToken(ctx.db, "garbage", clock.now())).toBeNull();
    expect(await validateSessionToken(ctx.db, `${token}.extra`, clock.now())).toBeNull();
    expect(await validateSessionToken(ctx.db, token, clock.now())).not.toBeNull();
  });
});

describe("expiry", () => {
  it("slides with use, writing lastUsedAt at most once an hour", async () => {
    const user = await createUser(ctx);
    const start = clock.now();
    const { token, session } = await createSession(ctx.db, user.id, "|", start);
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect((await validateSessionToken(ctx.db, token, at(30 * 60_000)))!.refreshed).toBe(false);
    expect((await ctx.db.session.findUniqueOrThrow({ where: { id: session.id } })).lastUsedAt).toEqual(start);
    const later = await validateSessionToken(ctx.db, token, at(2 * HOUR));
    expect(later!.refreshed).toBe(true);
    expect((await ctx.db.session.findUniqueOrThrow({ where: { id: session.id } })).lastUsedAt).toEqual(at(2 * HOUR));
    // 29 days after that last use it still works: inactivity is counted from the last use.
    expect(await validateSessionToken(ctx.db, token, at(2 * HOUR + 29 * DAY))).not.toBeNull();
  });

  it("ends after 30 days without use, and deletes the row", async () => {
    const user = await createUser(ctx);
    const start = clock.now();
    const { token, session } = await createSession(ctx.db, user.id, "|", start);
    expect(await validateSessionToken(ctx.db, token, new Date(start.getTime() + 30 * DAY + 1000))).toBeNull();
    expect(await ctx.db.session.count({ where: { id: session.id } })).toBe(0);
  });

  it("ends 90 days after sign-in however often it is used", async () => {
    const user = await createUser(ctx);
    const start = clock.now();
    const { token } = await createSession(ctx.db, user.id, "|", start);
    for (let day = 20; day < 90; day += 20)
      expect(await validateSessionToken(ctx.db, token, new Date(start.getTime() + day * DAY))).not.toBeNull();
    expect(await validateSessionToken(ctx.db, token, new Date(start.getTime() + 90 * DAY + 1000))).toBeNull();
  });

  it("is much shorter for platform admins: 12 hours idle, 7 days in all", async () => {
    const admin = await createUser(ctx, { role: "admin" });
    const start = clock.now();
    const idle = await createSession(ctx.db, admin.id, "|", start);
    expect(await validateSessionToken(ctx.db, idle.token, new Date(start.getTime() + 13 * HOUR))).toBeNull();
    const busy = await createSession(ctx.db, admin.id, "|", start);
    for (let h = 10; h < 7 * 24; h += 10)
      expect(await validateSessionToken(ctx.db, busy.token, new Date(start.getTime() + h * HOUR))).not.toBeNull();
    expect(await validateSessionToken(ctx.db, busy.token, new Date(start.getTime() + 7 * DAY + 1000))).toBeNull();
  });
});

describe("the session cookie", () => {
  it("is HttpOnly, SameSite=Lax, Path=/, and expires with the session", async () => {
    const user = await createUser(ctx);
    const res = await request(ctx.app)
      .post("/login")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ identifier: user.username, password: PASSWORD })
      .expect(303);
    const cookie = sessionCookie(res)!;
    expect(cookie).toMatch(/^session=[a-km-z2-9]{24}\.[a-km-z2-9]{24};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toContain("Secure");
    // A lifetime, not a date: the browser's calendar may differ from the server's clock.
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBe((30 * DAY) / 1000);
  });

  it("is __Host-session with Secure when BASE_URL is https", async () => {
    const https = await createTestContext({ clock, env: { BASE_URL: "https://learn.example.org" } });
    try {
      const user = await createUser(https);
      const res = await request(https.app)
        .post("/login")
        .set("Origin", "https://learn.example.org")
        .type("form")
        .send({ identifier: user.username, password: PASSWORD })
        .expect(303);
      const cookie = sessionCookie(res)!;
      expect(cookie).toMatch(/^__Host-session=/);
      expect(cookie).toContain("Secure");
      expect(cookie).toContain("Path=/");
      expect(cookie).not.toContain("Domain");
    } finally {
      await https.close();
    }
  });
});

describe("ending sessions", () => {
  it("signing in again starts a new session and drops the old one", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const before = await ctx.db.session.findMany({ where: { userId: user.id } });
    await agent
      .post("/login")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ identifier: user.username, password: PASSWORD })
      .expect(303);
    const after = await ctx.db.session.findMany({ where: { userId: user.id } });
    expect(after).toHaveLength(1);
    expect(after[0]!.id).not.toBe(before[0]!.id);
  });

  it("signing out deletes the session and clears the cookie", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const res = await agent.post("/logout").set("Origin", ORIGIN).expect(303);
    expect(sessionCookie(res)).toMatch(/^session=;/);
    expect(await ctx.db.session.count({ where: { userId: user.id } })).toBe(0);
    await agent.get("/account").expect(303).expect("Location", "/login?next=%2Faccount");
  });

  it("signing out everywhere ends every session of the person, and only theirs", async () => {
    const user = await createUser(ctx);
    const other = await createUser(ctx);
    const phone = await signedInAgent(ctx, user);
    const laptop = await signedInAgent(ctx, user);
    await signedInAgent(ctx, other);
    await phone.post("/logout-everywhere").set("Origin", ORIGIN).expect(303);
    expect(await ctx.db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await ctx.db.session.count({ where: { userId: other.id } })).toBe(1);
    await laptop.get("/account").expect(303);
  });

  it("disabling a user ends all their sessions and stops them signing in", async () => {
    const admin = await createUser(ctx, { role: "admin" });
    const user = await createUser(ctx);
    const userAgent = await signedInAgent(ctx, user);
    const adminAgent = await signedInAgent(ctx, admin);
    await adminAgent
      .post(`/admin/users/${user.id}/disable`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ confirm: "yes" })
      .expect(303);
    expect(await ctx.db.session.count({ where: { userId: user.id } })).toBe(0);
    await userAgent.get("/account").expect(303);
    const res = await request(ctx.app)
      .post("/login")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ identifier: user.username, password: PASSWORD })
      .expect(422);
    expect(res.text).toContain("This account has been disabled");
  });

  it("anonymous pages carry an ETag and answer 304 when unchanged; personal pages carry none", async () => {
    const first = await request(ctx.app).get("/courses/fixture-course").expect(200);
    expect(first.headers.etag).toMatch(/^W\/"/);
    await request(ctx.app).get("/courses/fixture-course").set("If-None-Match", first.headers.etag!).expect(304);
    const agent = await signedInAgent(ctx, await createUser(ctx));
    expect((await agent.get("/courses/fixture-course").expect(200)).headers.etag).toBeUndefined();
  });

  it("pages for a signed-in person are never cached", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    const res = await agent.get("/courses/fixture-course").expect(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const anonymous = await request(ctx.app).get("/courses/fixture-course");
    expect(anonymous.headers["cache-control"]).toBeUndefined();
  });
});
