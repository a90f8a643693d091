// Every page of every shipped course renders, and every link inside course content
// that points to this site leads somewhere.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, REAL_COURSES, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ courses: REAL_COURSES });
});
afterAll(() => ctx.close());

function pagesOf(ctx: TestContext): string[] {
  const pages = ["/"];
  for (const course of ctx.deps.catalog.current.courses) {
    pages.push(course.url, ...course.resources.map((r) => r.url));
    if (course.glossary.length) pages.push(`${course.url}/glossary`);
    for (const m of course.modules) {
      pages.push(m.url, ...m.lessons.map((l) => l.url));
      if (m.quiz) pages.push(m.quiz.url);
      if (m.exercise) pages.push(m.exercise.url);
    }
  }
  return pages;
}

describe("the shipped courses", () => {
  it("render every page", async () => {
    const pages = pagesOf(ctx);
    expect(pages.length).toBeGreaterThan(40);
    for (const url of pages) {
      const res = await request(ctx.app).get(url);
      expect(res.status, url).toBe(200);
    }
  });

  it("have no internal link that leads nowhere, down to the #section", async () => {
    const targets = new Set<string>();
    for (const url of pagesOf(ctx)) {
      const res = await request(ctx.app).get(url);
      const prose = res.text.match(/<div class="prose">[\s\S]*?<\/div>/g)?.join("") ?? "";
      for (const m of prose.matchAll(/href="(\/[^"]*)"/g)) targets.add(m[1]!.replace(/&amp;/g, "&"));
    }
    expect(targets.size).toBeGreaterThan(30);
    for (const target of targets) {
      const [page = "", fragment] = target.split("#");
      const res = await request(ctx.app).get(page);
      expect([200, 303], target).toContain(res.status);
      if (fragment && res.status === 200) expect(res.text, target).toContain(`id="${fragment}"`);
    }
  });
});
