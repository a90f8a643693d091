// Getting back into an account: an emailed single-use link (30 minutes, stored hashed),
// or a one-time recovery code. Both end every session; neither reveals which accounts exist.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecretHex } from "../../../src/security/random.js";
import {
  createUser,
  mailText,
  ORIGIN,
  PASSWORD,
  readOutbox,
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

const post = (path: string, form: Record<string, string>) =>
  request(ctx.app).post(path).set("Origin", ORIGIN).type("form").send(form);
/** Mail goes out after the answer: wait until it has reached the outbox. */
const mailTo = (address: string) =>
  expect.poll(() => readOutbox(ctx).some((m) => m.includes(`To: ${address}`)), { timeout: 30_000 }).toBe(true);

function lastResetLink(): string {
  const mail = mailText(readOutbox(ctx).at(-1)!);
  return /http:\/\/localhost:3000(\/reset-password\/[a-km-z2-9]{32})/.exec(mail)![1]!;
}

describe("reset by email", () => {
  it("answers identically whether or not the account exists, and mails only real accounts with an email", async () => {
    const withEmail = await createUser(ctx, { email: "reset-me@example.org" });
    const noEmail = await createUser(ctx);
    const before = readOutbox(ctx).length;
    const pages = [];
    for (const identifier of [
      withEmail.username,
      "reset-me@example.org",
      noEmail.username,
      "nobody-at-all",
      "ghost@example.org",
    ]) {
      const res = await post("/forgot-password", { identifier }).expect(200);
      pages.push(res.text.replace(/X-Request-Id[^\n]*/g, ""));
    }
    expect(new Set(pages).size).toBe(1);
    expect(pages[0]).toContain("Check your email");
    await mailTo("reset-me@example.org");
    await expect.poll(() => readOutbox(ctx).length - before, { timeout: 30_000 }).toBe(2);
  });

  it("mails a single-use link that ends every session and sets the new password", async () => {
    const user = await createUser(ctx, { email: "link@example.org" });
    const phone = await signedInAgent(ctx, user);
    await post("/forgot-password", { identifier: "link@example.org" }).expect(200);
    await mailTo("link@example.org");
    const mail = readOutbox(ctx).at(-1)!;
    expect(mail).toContain("To: link@example.org");
    const link = lastResetLink();
    // Only the token's hash is stored.
    const token = link.split("/").at(-1)!;
    expect(await ctx.db.passwordReset.count({ where: { tokenHash: hashSecretHex(token) } })).toBe(1);
    expect(JSON.stringify(await ctx.db.passwordReset.findMany())).not.toContain(token);

    await request(ctx.app).get(link).expect(200);
    await post(link, { password: "a brand new passphrase" })
      .expect(303)
      .expect("Location", "/login?notice=password-reset");
    expect(await ctx.db.session.count({ where: { userId: user.id } })).toBe(0);
    await phone.get("/account").expect(303);
    await post("/login", { identifier: user.username, password: "a brand new passphrase" }).expect(303);
    await post("/login", { identifier: user.username, password: PASSWORD }).expect(422);

    // Used once: the link is dead.
    const again = await request(ctx.app).get(link).expect(400);
    expect(again.text).toContain("has expired or was already used");
    await post(link, { password: "yet another passphrase" }).expect(400);
  });

  it("expires after 30 minutes", async () => {
    await createUser(ctx, { email: "slow@example.org" });
    await post("/forgot-password", { identifier: "slow@example.org" }).expect(200);
    await mailTo("slow@example.org");
    const link = lastResetLink();
    clock.advance(31 * 60_000);
    await request(ctx.app).get(link).expect(400);
    await post(link, { password: "too late passphrase" }).expect(400);
  });

  it("refuses a weak new password with the form, keeping the link usable", async () => {
    await createUser(ctx, { email: "weak@example.org" });
    await post("/forgot-password", { identifier: "weak@example.org" }).expect(200);
    await mailTo("weak@example.org");
    const link = lastResetLink();
    const res = await post(link, { password: "12345678" }).expect(422);
    expect(res.text).toContain("one of the most common ones");
    await post(link, { password: "a fine strong passphrase" }).expect(303);
  });
});

describe("recovery codes", () => {
  async function registerWithoutEmail(username: string) {
    const res = await post("/register", { displayName: "R", username, password: PASSWORD }).expect(200);
    return [...res.text.matchAll(/<code>([a-z0-9-]{19})<\/code>/g)].map((m) => m[1]!);
  }

  it("each works once, in any letter case and spacing, and ends every session", async () => {
    const codes = await registerWithoutEmail("coder");
    const user = await ctx.db.user.findUniqueOrThrow({ where: { username: "coder" } });
    const typed = ` ${codes[0]!.toUpperCase().replace(/-/g, " ")} `;
    await post("/recover", { identifier: "coder", code: typed, password: "recovered passphrase" }).expect(303);
    expect(await ctx.db.session.count({ where: { userId: user.id } })).toBe(0);
    await post("/login", { identifier: "coder", password: "recovered passphrase" }).expect(303);
    const reused = await post("/recover", {
      identifier: "coder",
      code: codes[0]!,
      password: "second passphrase",
    }).expect(422);
    expect(reused.text).toContain("or the code was already used");
    await post("/recover", { identifier: "coder", code: codes[1]!, password: "second passphrase" }).expect(303);
  });

  it("a wrong code, someone else's code or an unknown account all get the same answer", async () => {
    const mine = await registerWithoutEmail("codeowner");
    await registerWithoutEmail("codeother");
    const answers = await Promise.all([
      post("/recover", { identifier: "codeother", code: mine[0]!, password: "hijack passphrase" }),
      post("/recover", { identifier: "codeowner", code: "aaaa-bbbb-cccc-dddd", password: "hijack passphrase" }),
      post("/recover", { identifier: "no-such-user", code: mine[0]!, password: "hijack passphrase" }),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(422);
      expect(res.text).toContain("The username or recovery code is not right");
    }
    // The owner's code still works.
    await post("/recover", { identifier: "codeowner", code: mine[0]!, password: "owner passphrase" }).expect(303);
  });
});
