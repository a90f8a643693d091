// Course media are served only while they resolve inside their course folder: a symbolic
// link swapped in after loading (to a key, to /etc/passwd — here to a temp file) is a 404.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, FIXTURE_COURSES, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
let temp: string;
let courses: string;
const SECRET = "TEST-SECRET-signing-key";

beforeAll(async () => {
  temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sendero-asset-links-")));
  courses = path.join(temp, "courses");
  fs.cpSync(FIXTURE_COURSES, courses, { recursive: true });
  // A link that stays inside the course is fine, and served.
  fs.symlinkSync("../../basics/media/dot.png", path.join(courses, "advanced/media/same-dot.png"));
  const lesson = path.join(courses, "advanced/deep.md");
  fs.appendFileSync(lesson, "\n![The same dot](media/same-dot.png)\n");
  fs.writeFileSync(path.join(temp, "secret.key"), SECRET);
  ctx = await createTestContext({ courses });
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

const assetUrl = (name: string) =>
  [...ctx.deps.catalog.current.assets.keys()].find((url) => url.endsWith(name)) ?? "(not registered)";

describe("course assets and symbolic links", () => {
  it("serves a registered file, and a link that stays inside the course", async () => {
    await request(ctx.app).get(assetUrl("basics/media/dot.png")).expect(200);
    await request(ctx.app).get(assetUrl("advanced/media/same-dot.png")).expect(200);
  });

  it("refuses (404) a file replaced by a link to outside the course after loading", async () => {
    const url = assetUrl("basics/media/dot.png");
    const file = path.join(courses, "basics/media/dot.png");
    fs.rmSync(file);
    fs.symlinkSync(path.join(temp, "secret.key"), file);
    const res = await request(ctx.app).get(url).expect(404);
    expect(res.text).not.toContain(SECRET);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it("refuses a file replaced by a link to a folder of the course", async () => {
    const url = assetUrl("advanced/media/same-dot.png");
    const file = path.join(courses, "advanced/media/same-dot.png");
    fs.rmSync(file);
    fs.symlinkSync("..", file);
    await request(ctx.app).get(url).expect(404);
  });
});
