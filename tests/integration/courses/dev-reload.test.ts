// In development a trainer saves a file and reloads: a good edit shows at once; a broken
// edit shows its problems (file:line) on the page while the last good version stays up.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestContext, FIXTURE_COURSES, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
let dir: string;
const lessonFile = () => path.join(dir, "basics", "second.md");
const editLesson = (edit: (text: string) => string) =>
  fs.writeFileSync(lessonFile(), edit(fs.readFileSync(lessonFile(), "utf8")));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-courses-"));
  fs.cpSync(FIXTURE_COURSES, dir, { recursive: true });
  ctx = await createTestContext({ courses: dir });
});
// Each test starts from the fixture's own lesson, whatever ran before it.
beforeEach(() => {
  fs.copyFileSync(path.join(FIXTURE_COURSES, "basics", "second.md"), lessonFile());
  expect(ctx.deps.catalog.reload()).toBe(true);
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("editing courses while the server runs", () => {
  const lessonPage = "/courses/fixture-course/basics/second-lesson";

  it("shows a saved change after a reload", async () => {
    editLesson((text) => text.replace("Back to", "Return to"));
    expect(ctx.deps.catalog.reload()).toBe(true);
    const res = await request(ctx.app).get(lessonPage).expect(200);
    expect(res.text).toContain("Return to");
  });

  it("keeps the last good version online and lists the problems of a broken edit", async () => {
    editLesson((text) => text.replace("Back to", "Return to"));
    expect(ctx.deps.catalog.reload()).toBe(true);
    editLesson((text) => text.replace("minutes: 7", "minutes: seven").replace("Return to", "Broken"));
    expect(ctx.deps.catalog.reload()).toBe(false);
    const res = await request(ctx.app).get(lessonPage).expect(200);
    expect(res.text).toContain("Return to");
    expect(res.text).not.toContain("Broken");
    expect(res.text).toContain('role="alert"');
    expect(res.text).toMatch(/basics\/second\.md:4:10 {2}minutes: must be a number of minutes/);
    // Other pages keep working too, with the same notice.
    await request(ctx.app).get("/courses/fixture-course").expect(200);
  });

  it("clears the notice once the problem is fixed", async () => {
    editLesson((text) => text.replace("minutes: 7", "minutes: seven"));
    expect(ctx.deps.catalog.reload()).toBe(false);
    editLesson((text) => text.replace("minutes: seven", "minutes: 7").replace("Back to", "Fixed"));
    expect(ctx.deps.catalog.reload()).toBe(true);
    const res = await request(ctx.app).get(lessonPage).expect(200);
    expect(res.text).toContain("Fixed");
    expect(res.text).not.toContain('role="alert"');
  });

  it("picks up changes by itself when watching", async () => {
    // Wait for the reload that carries the edit (a late event from the reset may come first).
    let stop = () => {};
    const reloaded = new Promise<void>((resolve) => {
      stop = ctx.deps.catalog.watch(async () => {
        const page = await request(ctx.app).get(lessonPage);
        if (page.text.includes("Watched")) resolve();
      });
    });
    editLesson((text) => text.replace("Back to", "Watched"));
    await reloaded.finally(stop);
    const res = await request(ctx.app).get(lessonPage).expect(200);
    expect(res.text).toContain("Watched");
  });
});
