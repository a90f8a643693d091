// In development a trainer saves a file and reloads: a good edit shows at once; a broken
// edit shows its problems (file:line) on the page while the last good version stays up.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, FIXTURE_COURSES, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
let dir: string;
const lessonFile = () => path.join(dir, "basics", "second.md");

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-courses-"));
  fs.cpSync(FIXTURE_COURSES, dir, { recursive: true });
  ctx = await createTestContext({ courses: dir });
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("editing courses while the server runs", () => {
  it("shows a saved change after a reload", async () => {
    fs.writeFileSync(lessonFile(), fs.readFileSync(lessonFile(), "utf8").replace("Back to", "Return to"));
    expect(ctx.deps.catalog.reload()).toBe(true);
    const res = await request(ctx.app).get("/courses/fixture-course/basics/second-lesson").expect(200);
    expect(res.text).toContain("Return to");
  });

  it("keeps the last good version online and lists the problems of a broken edit", async () => {
    fs.writeFileSync(
      lessonFile(),
      fs.readFileSync(lessonFile(), "utf8").replace("minutes: 7", "minutes: seven").replace("Return to", "Broken"),
    );
    expect(ctx.deps.catalog.reload()).toBe(false);
    const res = await request(ctx.app).get("/courses/fixture-course/basics/second-lesson").expect(200);
    expect(res.text).toContain("Return to");
    expect(res.text).toContain('role="alert"');
    expect(res.text).toMatch(/basics\/second\.md:4:10 {2}minutes: must be a number of minutes/);
    // Other pages keep working too, with the same notice.
    await request(ctx.app).get("/courses/fixture-course").expect(200);
  });

  it("clears the notice once the problem is fixed", async () => {
    fs.writeFileSync(lessonFile(), fs.readFileSync(lessonFile(), "utf8").replace("minutes: seven", "minutes: 7"));
    expect(ctx.deps.catalog.reload()).toBe(true);
    const res = await request(ctx.app).get("/courses/fixture-course/basics/second-lesson").expect(200);
    expect(res.text).toContain("Broken");
    expect(res.text).not.toContain('role="alert"');
  });

  it("picks up changes by itself when watching", async () => {
    const reloaded = new Promise<boolean>((resolve) => {
      const stop = ctx.deps.catalog.watch((ok) => {
        stop();
        resolve(ok);
      });
    });
    fs.writeFileSync(lessonFile(), fs.readFileSync(lessonFile(), "utf8").replace("Broken", "Watched"));
    expect(await reloaded).toBe(true);
    const res = await request(ctx.app).get("/courses/fixture-course/basics/second-lesson");
    expect(res.text).toContain("Watched");
  });
});
