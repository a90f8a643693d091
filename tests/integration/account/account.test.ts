// /account: a person manages their own profile, email, password, sessions and codes.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, databaseSnapshot, ORIGIN, PASSWORD, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("profile", () => {
  it("saves the display name, the name for certificates (a pseudonym is fine) and the language", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const res = await agent
      .post("/account/profile")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ displayName: "Nadia K.", certificateName: "نادية الكردي", locale: "en" })
      .expect(303);
    expect(res.headers.location).toBe("/account?notice=profile-saved");
    const saved = await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved).toMatchObject({ displayName: "Nadia K.", certificateName: "نادية الكردي", locale: "en" });
    const page = await agent.get("/account?notice=profile-saved").expect(200);
    expect(page.text).toContain("Your profile has been saved.");
    expect(page.text).toContain('value="نادية الكردي"');
  });

  it("refuses an empty display name or an unknown language, next to the field, changing nothing", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const before = await databaseSnapshot(ctx);
    const res = await agent
      .post("/account/profile")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ displayName: "  ", locale: "xx" })
      .expect(422);
    expect(res.text).toContain("Enter the name other people will see.");
    expect(res.text).toContain("Choose a language from the list.");
    expect(await databaseSnapshot(ctx)).toBe(before);
  });
});

describe("email", () => {
  it("is added and changed only with the current password", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const wrong = await agent
      .post("/account/email")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ email: "new@example.org", currentPassword: "not it at all" })
      .expect(422);
    expect(wrong.text).toContain("Your current password is not right.");
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBeNull();
    await agent
      .post("/account/email")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ email: "New@Example.org", currentPassword: PASSWORD })
      .expect(303);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("new@example.org");
  });

  it("cannot take an address another account uses", async () => {
    await createUser(ctx, { email: "mine@example.org" });
    const agent = await signedInAgent(ctx, await createUser(ctx));
    const res = await agent
      .post("/account/email")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ email: "mine@example.org", currentPassword: PASSWORD })
      .expect(422);
    expect(res.text).toContain("Another account already uses this email address.");
  });

  it("can be removed; with no recovery codes left the person gets new ones at once", async () => {
    const user = await createUser(ctx, { email: "leaving@example.org" });
    const agent = await signedInAgent(ctx, user);
    const res = await agent
      .post("/account/email/remove")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ currentPassword: PASSWORD })
      .expect(200);
    expect(res.text).toContain("Your recovery codes");
    expect([...res.text.matchAll(/<code>[a-z0-9-]{19}<\/code>/g)]).toHaveLength(10);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBeNull();
    expect(await ctx.db.recoveryCode.count({ where: { userId: user.id } })).toBe(10);
  });
});

describe("password", () => {
  it("changes with the current password and signs out the other devices, not this one", async () => {
    const user = await createUser(ctx);
    const here = await signedInAgent(ctx, user);
    const elsewhere = await signedInAgent(ctx, user);
    await here
      .post("/account/password")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ currentPassword: PASSWORD, newPassword: "an entirely new passphrase" })
      .expect(303);
    await here.get("/account").expect(200);
    await elsewhere.get("/account").expect(303);
    await request(ctx.app)
      .post("/login")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ identifier: user.username, password: "an entirely new passphrase" })
      .expect(303);
  });

  it("refuses a wrong current password or a weak new one", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const res = await agent
      .post("/account/password")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ currentPassword: "wrong one here", newPassword: "qwerty123" })
      .expect(422);
    expect(res.text).toContain("one of the most common ones");
    const res2 = await agent
      .post("/account/password")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ currentPassword: "wrong one here", newPassword: "a strong new passphrase" })
      .expect(422);
    expect(res2.text).toContain("Your current password is not right.");
  });
});

describe("sessions", () => {
  it("lists where the person is signed in with a coarse browser label, and no IP address", async () => {
    const user = await createUser(ctx);
    await signedInAgent(
      ctx,
      user,
      "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    );
    const agent = await signedInAgent(ctx, user);
    const res = await agent.get("/account").set("X-Forwarded-For", "198.51.100.23").expect(200);
    expect(res.text).toContain("Chrome on Android");
    expect(res.text).toMatch(/Firefox on Linux <strong class="tag">This device<\/strong>/);
    expect(res.text).not.toMatch(/127\.0\.0\.1|::1|198\.51\.100/);
    const stored = JSON.stringify(await ctx.db.session.findMany({ where: { userId: user.id } }));
    expect(stored).not.toMatch(/Mozilla|127\.0\.0\.1|::ffff/);
  });

  it("signs out one other device, and cannot touch other people's sessions", async () => {
    const user = await createUser(ctx);
    const other = await createUser(ctx);
    await signedInAgent(ctx, user);
    const agent = await signedInAgent(ctx, user);
    await signedInAgent(ctx, other);
    const [theirs] = await ctx.db.session.findMany({ where: { userId: other.id } });
    await agent.post(`/account/sessions/${theirs!.id}/revoke`).set("Origin", ORIGIN).expect(404);
    expect(await ctx.db.session.count({ where: { userId: other.id } })).toBe(1);
    const mine = await ctx.db.session.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    await agent.post(`/account/sessions/${mine[0]!.id}/revoke`).set("Origin", ORIGIN).expect(303);
    expect(await ctx.db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("recovery codes", () => {
  it("can be replaced with the current password; the old ones stop working", async () => {
    const agent = request.agent(ctx.app);
    const first = await agent
      .post("/register")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ displayName: "C", username: "codes-owner", password: PASSWORD })
      .expect(200);
    const oldCode = /<code>([a-z0-9-]{19})<\/code>/.exec(first.text)![1]!;
    const page = await agent.get("/account").expect(200);
    expect(page.text).toContain("You have 10 unused recovery codes.");
    const res = await agent
      .post("/account/recovery-codes")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ currentPassword: PASSWORD })
      .expect(200);
    const newCode = /<code>([a-z0-9-]{19})<\/code>/.exec(res.text)![1]!;
    await request(ctx.app)
      .post("/recover")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ identifier: "codes-owner", code: oldCode, password: "a replaced passphrase" })
      .expect(422);
    await request(ctx.app)
      .post("/recover")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ identifier: "codes-owner", code: newCode, password: "a replaced passphrase" })
      .expect(303);
  });
});
