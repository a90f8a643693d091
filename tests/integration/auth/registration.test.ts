// Registering and signing in: least data, proper autocomplete, errors next to the
// fields with what was typed kept (never passwords), and no mass assignment.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashRecoveryCode } from "../../../src/auth/recovery-codes.js";
import { createUser, databaseSnapshot, ORIGIN, PASSWORD, sessionCookie } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const post = (path: string, form: Record<string, string>) =>
  request(ctx.app).post(path).set("Origin", ORIGIN).type("form").send(form);

describe("the registration form", () => {
  it("asks for a display name, username, optional email and password with the right autocomplete", async () => {
    const res = await request(ctx.app).get("/register").expect(200);
    expect(res.text).toMatch(/name="displayName"[^>]*autocomplete="nickname"/);
    expect(res.text).toMatch(/name="username"[^>]*autocomplete="username"/);
    expect(res.text).toMatch(/name="email" type="email"[^>]*autocomplete="email"/);
    expect(res.text).toMatch(/name="password" type="password"[^>]*autocomplete="new-password"/);
    expect(res.text).toContain('<form method="post" action="/register"');
    expect(res.text).toContain("(optional)");
  });
});

describe("registering", () => {
  it("without an email: signs in and shows ten recovery codes once, stored only as hashes", async () => {
    const res = await post("/register", {
      displayName: "Amina",
      username: "Amina.K",
      password: "nine lives of a cat",
    }).expect(200);
    expect(sessionCookie(res)).toBeDefined();
    const codes = [...res.text.matchAll(/<code>([a-z0-9]{4}(?:-[a-z0-9]{4}){3})<\/code>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    const user = await ctx.db.user.findUniqueOrThrow({
      where: { username: "amina.k" },
      include: { recoveryCodes: true },
    });
    expect(user.email).toBeNull();
    expect(user.displayName).toBe("Amina");
    expect(user.recoveryCodes.map((c) => c.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    expect(JSON.stringify(await ctx.db.recoveryCode.findMany())).not.toContain(codes[0]!.replace(/-/g, ""));
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // The codes can be downloaded as a file.
    const file = await request(ctx.app)
      .post("/account/recovery-codes.txt")
      .set("Origin", ORIGIN)
      .set("Cookie", sessionCookie(res)!.split(";")[0]!)
      .type("form")
      .send(`codes=${codes.join("&codes=")}`)
      .expect(200);
    expect(file.headers["content-disposition"]).toMatch(/^attachment; filename="?recovery-codes\.txt"?$/);
    expect(file.text).toContain(codes[9]);
  });

  it("the recovery-codes page already shows the new account in the header, not Sign in", async () => {
    const res = await post("/register", {
      displayName: "Chidi",
      username: "chidi",
      password: "nine lives of a fox",
    }).expect(200);
    const header = res.text.slice(res.text.indexOf('<header class="site-header">'), res.text.indexOf("</header>"));
    expect(header).toContain('<a href="/learning">My learning</a>');
    expect(header).toContain('<a href="/account">Account</a>');
    expect(header).toContain('action="/logout"');
    expect(header).not.toContain("Sign in");
    expect(header).not.toContain("Create account");
    // Personal from its first response: no cache may keep it (it holds the codes).
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("with an email: signs in and goes where the person was heading, with no codes", async () => {
    const res = await post("/register", {
      displayName: "Boris",
      username: "boris",
      email: " Boris@Example.org ",
      password: "nine lives of a dog",
      next: "/courses/fixture-course",
    }).expect(303);
    expect(res.headers.location).toBe("/courses/fixture-course");
    const user = await ctx.db.user.findUniqueOrThrow({ where: { username: "boris" } });
    expect(user.email).toBe("boris@example.org");
    expect(await ctx.db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it("ignores fields it does not know: a `role` in the form changes nothing", async () => {
    await post("/register", {
      displayName: "Eve",
      username: "eve",
      password: "nine lives of a fox",
      role: "admin",
      platformRole: "admin",
      disabledAt: "x",
    }).expect(200);
    const eve = await ctx.db.user.findUniqueOrThrow({ where: { username: "eve" } });
    expect(eve.platformRole).toBe("learner");
    expect(eve.disabledAt).toBeNull();
  });

  it("never redirects to another site after registering", async () => {
    const res = await post("/register", {
      displayName: "Red",
      username: "redirect",
      email: "r@example.org",
      password: "nine lives of a rat",
      next: "//evil.example/",
    }).expect(303);
    expect(res.headers.location).toBe("/");
  });
});

describe("registration with bad input gets clear errors next to the fields and stores nothing", () => {
  it.each([
    [
      "an empty form",
      {},
      {
        displayName: "Enter the name other people will see.",
        username: "Choose a username.",
        password: "Enter a password.",
      },
    ],
    [
      "a short username",
      { displayName: "A", username: "ab", password: "nine lives of a cow" },
      { username: "A username has at least 3 characters." },
    ],
    [
      "a username with spaces",
      { displayName: "A", username: "a b c", password: "nine lives of a cow" },
      { username: "Use only letters a–z, digits" },
    ],
    [
      "a bad email",
      { displayName: "A", username: "abc", email: "not-an-email", password: "nine lives of a cow" },
      { email: "Enter an email address like name@example.org." },
    ],
    [
      "a short password",
      { displayName: "A", username: "abc", password: "short" },
      { password: "Use at least 8 characters." },
    ],
    [
      "a common password",
      { displayName: "A", username: "abc", password: "password123" },
      { password: "one of the most common ones" },
    ],
    [
      "the username as password",
      { displayName: "A", username: "abcdefgh", password: "ABCDEFGH" },
      { password: "cannot be your username" },
    ],
    [
      "a long display name",
      { displayName: "x".repeat(81), username: "abc", password: "nine lives of a cow" },
      { displayName: "at most 80 characters" },
    ],
  ])("%s", async (_name, form, expected) => {
    const before = await databaseSnapshot(ctx);
    const res = await post("/register", form as Record<string, string>).expect(422);
    for (const [field, message] of Object.entries(expected)) {
      expect(res.text).toMatch(
        new RegExp(
          `id="f-${field}-error"><span class="visually-hidden">Error:</span> [^<]*${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`,
        ),
      );
      expect(res.text).toMatch(new RegExp(`id="f-${field}"[^>]*aria-invalid="true"`));
    }
    expect(res.text).toContain('class="error-summary"');
    expect(await databaseSnapshot(ctx)).toBe(before);
  });

  it("keeps what was typed, except the password", async () => {
    const res = await post("/register", {
      displayName: "Zoë <b>",
      username: "z",
      email: "zoe@example.org",
      password: "secret-password-here",
    }).expect(422);
    expect(res.text).toContain('value="Zoë &lt;b&gt;"');
    expect(res.text).toContain('value="zoe@example.org"');
    expect(res.text).not.toContain("secret-password-here");
  });

  it("refuses a username or email already in use", async () => {
    await createUser(ctx, { username: "taken", email: "taken@example.org" });
    const before = await databaseSnapshot(ctx);
    const res = await post("/register", {
      displayName: "T",
      username: "TAKEN",
      email: "Taken@example.org",
      password: "nine lives of a yak",
    }).expect(422);
    expect(res.text).toContain("This username is already taken.");
    expect(res.text).toContain("Another account already uses this email address.");
    expect(await databaseSnapshot(ctx)).toBe(before);
  });

  it("refuses a body over 100 KB with 413 and stores nothing", async () => {
    const before = await databaseSnapshot(ctx);
    const res = await post("/register", {
      displayName: "x".repeat(110_000),
      username: "huge",
      password: "nine lives of a bee",
    }).expect(413);
    expect(res.text).toContain("Too much data");
    expect(await databaseSnapshot(ctx)).toBe(before);
  });
});

describe("signing in", () => {
  it("works with the username or the email address, in any letter case", async () => {
    const user = await createUser(ctx, { username: "signer", email: "signer@example.org" });
    await post("/login", { identifier: "SIGNER", password: user.password }).expect(303).expect("Location", "/");
    await post("/login", { identifier: "Signer@Example.org", password: user.password }).expect(303);
  });

  it("returns to where the person was, but never to another site", async () => {
    const user = await createUser(ctx);
    await post("/login", {
      identifier: user.username,
      password: PASSWORD,
      next: "/courses/fixture-course/basics",
    }).expect("Location", "/courses/fixture-course/basics");
    for (const next of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      await post("/login", { identifier: user.username, password: PASSWORD, next }).expect("Location", "/");
    }
  });

  it("says the same thing for a wrong password and an unknown account, and keeps the identifier", async () => {
    const user = await createUser(ctx);
    const wrong = await post("/login", { identifier: user.username, password: "wrong password!" }).expect(422);
    const unknown = await post("/login", { identifier: "nobody-here", password: "wrong password!" }).expect(422);
    const message = "The username, email address or password is not right.";
    expect(wrong.text).toContain(message);
    expect(unknown.text).toContain(message);
    expect(wrong.text).toContain(`value="${user.username}"`);
    expect(wrong.text).not.toContain("wrong password!");
  });

  it("sends anonymous visitors of personal pages to sign in and back", async () => {
    await request(ctx.app).get("/account").expect(303).expect("Location", "/login?next=%2Faccount");
    const page = await request(ctx.app).get("/login?next=%2Faccount").expect(200);
    expect(page.text).toContain('name="next" value="/account"');
  });
});
