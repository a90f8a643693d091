// Every course page through createApp(), with a fresh database: what a learner sees,
// and the friendly 404 for anything that does not exist.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("course pages", () => {
  it("the catalog lists each course with its summary, languages, time and module count", async () => {
    const res = await request(ctx.app).get("/").expect(200).expect("Content-Type", /html/);
    expect(res.text).toContain('<a href="/courses/fixture-course">Fixture course</a>');
    expect(res.text).toContain("A small course that uses every feature of the authoring format.");
    expect(res.text).toContain("<dd>English</dd>");
    expect(res.text).toMatch(/<dd>\d+ minutes<\/dd>|<dd>\d+ hours?/);
    // The draft module is not counted.
    expect(res.text).toContain("<dd>2 modules</dd>");
  });

  it("the course page shows the description, outcomes, modules in order with times, and the order policy", async () => {
    const res = await request(ctx.app).get("/courses/fixture-course").expect(200);
    expect(res.text).toContain("<strong>three</strong>");
    expect(res.text).toContain("<li>Pass the tests.</li>");
    expect(res.text.indexOf("The basics")).toBeLessThan(res.text.indexOf("Advanced matters"));
    expect(res.text).toContain("Take the modules in any order");
    expect(res.text).toContain("29 minutes");
    expect(res.text).not.toContain("A draft module");
    expect(res.text).toContain('href="/courses/fixture-course/glossary"');
    expect(res.text).toContain('href="/courses/fixture-course/resources/handout"');
  });

  it("the module page shows the host's introduction, its lessons, its quiz and its exercise", async () => {
    const res = await request(ctx.app).get("/courses/fixture-course/basics").expect(200);
    expect(res.text).toContain("Tess, your course host");
    expect(res.text).toContain('href="/courses/fixture-course/basics/first-lesson"');
    expect(res.text).toContain("Basics quiz");
    expect(res.text).toContain("7 questions · pass mark 60%");
    expect(res.text).toContain('href="/courses/fixture-course/basics/exercise"');
  });

  it("the lesson page has breadcrumbs, reading time, contents, the rendered lesson and previous/next links", async () => {
    const res = await request(ctx.app).get("/courses/fixture-course/basics/first-lesson").expect(200);
    expect(res.text).toMatch(
      /<nav class="breadcrumbs" aria-label="Breadcrumb">[\s\S]*Fixture course[\s\S]*The basics[\s\S]*aria-current="page">The first lesson/,
    );
    expect(res.text).toContain("Reading time: 5 minutes");
    expect(res.text).toContain('<nav class="toc"');
    expect(res.text).toContain('<h2 id="one">One</h2>');
    expect(res.text).toContain('rel="next"');
    expect(res.text).toContain("Key points");
  });

  it("a short lesson has no table of contents", async () => {
    const res = await request(ctx.app).get("/courses/fixture-course/basics/second-lesson").expect(200);
    expect(res.text).not.toContain('<nav class="toc"');
    expect(res.text).toContain('href="/courses/fixture-course/basics/quiz"');
  });

  it("the quiz preview shows questions but never an answer key or feedback", async () => {
    const res = await request(ctx.app).get("/courses/fixture-course/basics/quiz").expect(200);
    expect(res.text).toContain("Pick the right one.");
    for (const secret of ["Yes, right.", "No, wrong.", "Lisboa", "Because it is right.", "correct"])
      expect(res.text).not.toContain(secret);
  });

  it("the glossary, a printable resource and a downloadable resource", async () => {
    const glossary = await request(ctx.app).get("/courses/fixture-course/glossary").expect(200);
    expect(glossary.text).toContain('id="fixture"');
    expect(glossary.text).toContain("<strong>tests</strong>");
    const handout = await request(ctx.app).get("/courses/fixture-course/resources/handout").expect(200);
    expect(handout.text).toContain("The handout");
    const slides = await request(ctx.app).get("/courses/fixture-course/resources/slides").expect(303);
    expect(slides.headers.location).toMatch(/^\/courses\/fixture-course\/assets\/resources\/slides\.pdf\?v=/);
  });

  it("serves registered assets with long caching, and nothing else from the course folder", async () => {
    const lesson = await request(ctx.app).get("/courses/fixture-course/basics/first-lesson");
    const src = /src="(\/courses\/fixture-course\/assets\/basics\/media\/dot\.png\?v=[0-9a-f]+)"/.exec(
      lesson.text,
    )![1]!;
    const img = await request(ctx.app).get(src).expect(200).expect("Content-Type", "image/png");
    expect(img.headers["cache-control"]).toContain("immutable");
    await request(ctx.app).get("/courses/fixture-course/assets/course.yaml").expect(404);
    await request(ctx.app).get("/courses/fixture-course/assets/basics/first.md").expect(404);
    await request(ctx.app).get("/courses/fixture-course/assets/..%2fcourse.yaml").expect(404);
  });

  it("GET /healthz answers ok once the catalog is loaded and the database answers", async () => {
    const res = await request(ctx.app).get("/healthz").expect(200);
    expect(res.body).toEqual({ status: "ok" });
  });
});

describe("pages that do not exist get a friendly 404", () => {
  it.each([
    "/courses/no-such-course",
    "/courses/fixture-course/no-such-module",
    "/courses/fixture-course/basics/no-such-lesson",
    // An existing lesson id under the wrong module.
    "/courses/fixture-course/advanced/first-lesson",
    // Draft modules are hidden.
    "/courses/fixture-course/drafty",
    "/courses/fixture-course/drafty/wip",
    "/courses/fixture-course/advanced/quiz",
    "/courses/fixture-course/resources/nothing",
    "/no/such/page",
  ])("%s", async (url) => {
    const res = await request(ctx.app).get(url).expect(404);
    expect(res.text).toContain("<h1>Page not found</h1>");
    expect(res.text).toContain('href="/"');
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("every response", () => {
  it("carries security headers and a CSP without inline scripts or eval", async () => {
    const res = await request(ctx.app).get("/courses/fixture-course");
    const csp = res.headers["content-security-policy"]!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it("references only same-origin scripts, styles and images, and htmx under a versioned URL", async () => {
    const res = await request(ctx.app).get("/courses/fixture-course/basics/first-lesson");
    const urls = [...res.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    // The one link to another site is Quick exit's (a navigation, not a resource).
    const foreign = urls.filter(
      (u) => /^(https?:)?\/\//.test(u) && !u.startsWith("https://example.org/") && u !== ctx.env.quickExitUrl,
    );
    expect(foreign).toEqual([]);
    expect(res.text).toMatch(/<script src="\/static\/vendor\/htmx-4\.\d+\.\d+\.min\.js" defer><\/script>/);
    expect(res.text).not.toMatch(/<script>|<style>| on\w+="/);
    const htmx = /src="(\/static\/vendor\/htmx-[^"]+)"/.exec(res.text)![1]!;
    await request(ctx.app)
      .get(htmx)
      .expect(200)
      .expect("Content-Type", /javascript/);
  });
});
