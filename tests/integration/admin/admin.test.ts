// /admin: platform admins find people, disable and enable accounts, and set roles.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
let admin: Awaited<ReturnType<typeof signedInAgent>>;
let adminId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const user = await createUser(ctx, { role: "admin", username: "the-admin" });
  adminId = user.id;
  admin = await signedInAgent(ctx, user);
});
afterAll(() => ctx.close());

describe("the people list", () => {
  it("searches by username, name or email and pages 25 at a time", async () => {
    for (let i = 0; i < 30; i++)
      await createUser(ctx, { username: `member${String(i).padStart(2, "0")}`, displayName: `Member ${i}` });
    await createUser(ctx, { username: "findme", displayName: "Oksana", email: "oksana@example.org" });
    const first = await admin.get("/admin").expect(200);
    expect(first.text).toMatch(/32 accounts/);
    expect(first.text).toContain("Page 1 of 2");
    const second = await admin.get("/admin?page=2").expect(200);
    expect(second.text).toContain("Page 2 of 2");
    for (const q of ["findme", "Oksana", "oksana@example"]) {
      const res = await admin.get(`/admin?q=${encodeURIComponent(q)}`).expect(200);
      expect(res.text, q).toContain("1 account");
      expect(res.text).toContain(">findme</a>");
    }
    const none = await admin.get("/admin?q=zzzz").expect(200);
    expect(none.text).toContain("No account matches “zzzz”.");
  });

  it("survives nonsense in the query string", async () => {
    await admin.get("/admin?page=-4&q=" + "x".repeat(500)).expect(200);
    await admin.get("/admin?page=abc").expect(200);
  });
});

describe("disabling and enabling", () => {
  it("asks for confirmation, then disables and ends the person's sessions", async () => {
    const user = await createUser(ctx);
    await signedInAgent(ctx, user);
    const unconfirmed = await admin
      .post(`/admin/users/${user.id}/disable`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({})
      .expect(422);
    expect(unconfirmed.text).toContain("Tick the box to confirm.");
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
    await admin
      .post(`/admin/users/${user.id}/disable`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ confirm: "yes" })
      .expect(303);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).not.toBeNull();
    expect(await ctx.db.session.count({ where: { userId: user.id } })).toBe(0);
    await admin.post(`/admin/users/${user.id}/enable`).set("Origin", ORIGIN).expect(303);
    await signedInAgent(ctx, user);
  });

  it("will not let admins disable themselves or change their own role", async () => {
    await admin
      .post(`/admin/users/${adminId}/disable`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ confirm: "yes" })
      .expect(400);
    await admin
      .post(`/admin/users/${adminId}/role`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ role: "learner" })
      .expect(400);
  });

  it("answers 404 for people who do not exist", async () => {
    await admin.get("/admin/users/nobody").expect(404);
    await admin
      .post("/admin/users/nobody/disable")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ confirm: "yes" })
      .expect(404);
  });
});

describe("roles", () => {
  it("sets a platform role and signs the person out so the new session policy applies", async () => {
    const user = await createUser(ctx);
    await signedInAgent(ctx, user);
    await admin
      .post(`/admin/users/${user.id}/role`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ role: "trainer" })
      .expect(303);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).platformRole).toBe("trainer");
    expect(await ctx.db.session.count({ where: { userId: user.id } })).toBe(0);
    await admin
      .post(`/admin/users/${user.id}/role`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ role: "emperor" })
      .expect(422);
  });
});

describe("npm run admin:create", () => {
  const run = (args: string[], input: string) =>
    execFileSync(process.execPath, ["--import", "tsx", path.resolve("src/admin/create-admin-cli.ts"), ...args], {
      // A clean environment: vitest puts Vite's BASE_URL="/" into process.env.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: ctx.env.dataDir, LOG_LEVEL: "silent" },
      input,
      encoding: "utf8",
    });

  it("creates an admin with the password from stdin, who can then sign in", async () => {
    const out = run(["--username", "Cli-Admin", "--display-name", "Ana"], "a piped admin passphrase\n");
    expect(out).toContain('Created platform admin "cli-admin"');
    const user = await ctx.db.user.findUniqueOrThrow({ where: { username: "cli-admin" } });
    expect(user).toMatchObject({ platformRole: "admin", displayName: "Ana" });
    await signedInAgent(ctx, { id: user.id, username: "cli-admin", password: "a piped admin passphrase", email: null });
  });

  it("promotes an existing account without touching its password", async () => {
    const user = await createUser(ctx, { username: "promote-me" });
    expect(run(["--username", "promote-me"], "")).toContain('"promote-me" is now a platform admin.');
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).platformRole).toBe("admin");
  });

  it("refuses a weak password and creates nothing", () => {
    expect(() => run(["--username", "weakling"], "password\n")).toThrow(/Use at least 8 characters|most common/);
  });
});
