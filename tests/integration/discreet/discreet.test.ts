// Discretion on shared devices (issue 11 §3): a Quick exit link on every page, discreet
// tab titles (on by default for new accounts, by cookie for anonymous visitors), and
// signed-in pages that no browser or proxy may store.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Course } from "../../../src/courses/catalog.js";
import { createUser, ORIGIN, PASSWORD, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { completeFixtureCourse } from "../../helpers/learning.js";

const NEUTRAL = "http://neutral.example/weather";
let ctx: TestContext;
let course: Course;

beforeAll(async () => {
  ctx = await createTestContext({ env: { QUICK_EXIT_URL: NEUTRAL } });
  course = ctx.deps.catalog.current.courseById.get("fixture-course")!;
});
afterAll(() => ctx.close());

const tabTitle = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

/** Every title of the fixture course that a tab title must not show in discreet mode. */
function contentTitles(): string[] {
  const titles = [
    course.title,
    course.certificate.title,
    course.survey?.title,
    ...course.resources.map((r) => r.title),
  ];
  for (const m of course.modules)
    titles.push(m.title, m.quiz?.title, m.exercise?.title, m.survey?.title, ...m.lessons.map((l) => l.title));
  return titles.filter((t): t is string => Boolean(t));
}

const COURSE_PAGES = [
  "/courses/fixture-course",
  "/courses/fixture-course/basics",
  "/courses/fixture-course/basics/first-lesson",
  "/courses/fixture-course/basics/second-lesson",
  "/courses/fixture-course/advanced/deep",
  "/courses/fixture-course/basics/quiz",
  "/courses/fixture-course/basics/exercise",
  "/courses/fixture-course/basics/survey",
  "/courses/fixture-course/survey",
  "/courses/fixture-course/resources/handout",
  "/courses/fixture-course/glossary",
];

describe("Quick exit", () => {
  it("is on every page, first after the skip link, pointing at the configured neutral site", async () => {
    const learner = await signedInAgent(ctx, await createUser(ctx));
    const pages = [
      await request(ctx.app).get("/").expect(200),
      await request(ctx.app).get("/courses/fixture-course/basics/first-lesson").expect(200),
      await request(ctx.app).get("/login").expect(200),
      await request(ctx.app).get("/no-such-page").expect(404),
      await learner.get("/account").expect(200),
      await learner.get("/learning").expect(200),
    ];
    for (const res of pages) {
      const body = res.text.slice(res.text.indexOf("<body>"));
      const links = [...body.matchAll(/<a [^>]*>/g)].map((m) => m[0]);
      expect(links[0]).toContain('class="skip-link"');
      expect(links[1]).toBe(`<a class="quick-exit" href="${NEUTRAL}" rel="noreferrer" data-quick-exit>`);
      expect(body).toContain(">Quick exit</a>");
      // Strict CSP holds: no inline script anywhere, only our own files.
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(res.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(res.text).not.toMatch(/\son\w+=|hx-on/);
    }
  });

  it("is translated", async () => {
    const res = await request(ctx.app).get("/").set("Accept-Language", "fr").expect(200);
    expect(res.text).toContain(">Sortie rapide</a>");
  });
});

describe("discreet mode for signed-in learners", () => {
  it("is on for a new account: no tab title names the course, a module, a lesson or an activity", async () => {
    const agent = request.agent(ctx.app);
    await agent
      .post("/register")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ displayName: "Noor", username: "noor-discreet", password: PASSWORD })
      .expect(200); // the recovery codes page, signed in
    expect((await ctx.db.user.findUniqueOrThrow({ where: { username: "noor-discreet" } })).discreet).toBe(true);
    await completeFixtureCourse(agent);
    const forbidden = contentTitles();
    expect(forbidden.length).toBeGreaterThan(10);
    for (const path of [...COURSE_PAGES, "/learning", "/account"]) {
      const res = await agent.get(path).expect(200);
      const title = tabTitle(res.text)!;
      for (const text of forbidden) expect(title, `${path}: ${title}`).not.toContain(text);
      expect(res.text, path).not.toContain('<meta name="description"');
    }
    const lesson = await agent.get("/courses/fixture-course/basics/second-lesson");
    expect(tabTitle(lesson.text)).toBe("Lesson 2 · Learning · Sendero");
    expect(tabTitle((await agent.get("/courses/fixture-course/advanced").expect(200)).text)).toBe(
      "Module 2 · Learning · Sendero",
    );
    expect(tabTitle((await agent.get("/courses/fixture-course").expect(200)).text)).toBe("Course · Learning · Sendero");
    // The page itself still says where you are: only the title that leaves it is neutral.
    expect(lesson.text).toContain("<h1");
    expect(lesson.text).toContain("The second lesson");
    // In every language.
    const ar = await agent.get("/courses/fixture-course/basics/second-lesson").set("Cookie", "lang=ar").expect(200);
    expect(tabTitle(ar.text)).toBe("الدرس 2 · التعلّم · Sendero");
  });

  it("is switched off and on again from /account, and only for that person", async () => {
    const user = await createUser(ctx);
    const other = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const account = await agent.get("/account").expect(200);
    expect(account.text).toContain("Discreet mode is on.");
    const off = await agent
      .post("/discreet")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ discreet: "off", return: "/account" })
      .expect(303);
    expect(off.headers.location).toBe("/account?notice=discreet-off");
    // Signed in, the choice lives on the account, not in a cookie.
    expect(off.headers["set-cookie"] ?? []).not.toEqual(expect.arrayContaining([expect.stringMatching(/^discreet=/)]));
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).discreet).toBe(false);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: other.id } })).discreet).toBe(true);
    expect((await agent.get(off.headers.location!).expect(200)).text).toContain("Discreet mode is off.");
    const lesson = await agent.get("/courses/fixture-course/basics/first-lesson").expect(200);
    expect(tabTitle(lesson.text)).toBe("The first lesson · Sendero");

    await agent.post("/discreet").set("Origin", ORIGIN).type("form").send({ discreet: "on", return: "/account" });
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).discreet).toBe(true);
    expect(tabTitle((await agent.get("/courses/fixture-course/basics/first-lesson")).text)).toBe(
      "Lesson 1 · Learning · Sendero",
    );
  });

  it("refuses a value other than on or off, clearly, and changes nothing", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    for (const body of [{ discreet: "maybe" }, {}, { discreet: ["on", "off"] }]) {
      const res = await agent.post("/discreet").set("Origin", ORIGIN).type("form").send(body).expect(400);
      expect(res.text).toContain("Choose whether discreet mode should be on or off.");
      expect(res.text).not.toMatch(/at \w+ \(/); // no stack trace
    }
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: user.id } })).discreet).toBe(true);
  });
});

describe("discreet mode for anonymous visitors", () => {
  const lesson = "/courses/fixture-course/basics/first-lesson";

  it("is off by default and turned on on this device by the footer's form (a cookie)", async () => {
    const plain = await request(ctx.app).get(lesson).expect(200);
    expect(tabTitle(plain.text)).toBe("The first lesson · Sendero");
    expect(plain.text).toContain('action="/discreet"');
    const on = await request(ctx.app)
      .post("/discreet")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ discreet: "on", return: lesson })
      .expect(303);
    expect(on.headers.location).toBe(`${lesson}?notice=discreet-on`);
    const cookie = ([] as string[]).concat(on.headers["set-cookie"] ?? []).find((c) => c.startsWith("discreet="))!;
    expect(cookie).toMatch(/^discreet=on;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");

    // The anonymous page cache keeps both versions apart, in either order.
    for (let round = 0; round < 2; round++) {
      const discreet = await request(ctx.app).get(lesson).set("Cookie", "discreet=on").expect(200);
      expect(tabTitle(discreet.text)).toBe("Lesson 1 · Learning · Sendero");
      expect(discreet.text).toContain("Show course titles");
      // Nor does the browser keep a copy in its cache.
      expect(discreet.headers["cache-control"]).toBe("no-store");
      expect(tabTitle((await request(ctx.app).get(lesson).expect(200)).text)).toBe("The first lesson · Sendero");
    }

    const off = await request(ctx.app)
      .post("/discreet")
      .set("Origin", ORIGIN)
      .set("Cookie", "discreet=on")
      .type("form")
      .send({ discreet: "off", return: lesson })
      .expect(303);
    expect(([] as string[]).concat(off.headers["set-cookie"] ?? []).join()).toMatch(
      /discreet=;.*Expires=Thu, 01 Jan 1970/,
    );
  });

  it("never redirects off the site, and refuses bad values without setting a cookie", async () => {
    for (const target of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const res = await request(ctx.app)
        .post("/discreet")
        .set("Origin", ORIGIN)
        .type("form")
        .send({ discreet: "on", return: target })
        .expect(303);
      expect(res.headers.location).toBe("/?notice=discreet-on");
    }
    const bad = await request(ctx.app)
      .post("/discreet")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ discreet: "yes please" })
      .expect(400);
    expect(bad.text).toContain("Choose whether discreet mode should be on or off.");
    expect(bad.headers["set-cookie"]).toBeUndefined();
  });
});

describe("nothing personal is kept by the browser", () => {
  it("signed-in pages and files are no-store; cookies are HttpOnly; no script uses browser storage", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    await completeFixtureCourse(agent);
    for (const path of [...COURSE_PAGES, "/learning", "/account", "/"]) {
      const res = await agent.get(path).expect(200);
      expect(res.headers["cache-control"], path).toBe("no-store");
      expect(res.headers.etag, path).toBeUndefined();
    }
    const register = await request(ctx.app)
      .post("/register")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ displayName: "Sam", username: "sam-cookies", password: PASSWORD })
      .expect(200);
    expect(register.headers["set-cookie"]).toBeDefined();
    for (const cookie of ([] as string[]).concat(register.headers["set-cookie"] ?? []))
      expect(cookie).toContain("HttpOnly");
    const script = (await request(ctx.app).get("/static/js/app.js").expect(200)).text;
    expect(script).not.toMatch(/localStorage|sessionStorage|indexedDB|document\.cookie|caches\./);
  });
});
