// Course pages for anonymous visitors are rendered once per language and served from
// memory until the courses change; nothing personal or request-specific is ever cached.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, FIXTURE_COURSES, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
let courses: string;
const LESSON = "/courses/fixture-course/basics/first-lesson";

beforeAll(async () => {
  courses = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-courses-"));
  fs.cpSync(FIXTURE_COURSES, courses, { recursive: true });
  ctx = await createTestContext({ courses });
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(courses, { recursive: true, force: true });
});

describe("anonymous page cache", () => {
  it("serves the same page and ETag again, and 304 when the browser has it", async () => {
    const first = await request(ctx.app).get(LESSON).expect(200);
    const second = await request(ctx.app).get(LESSON).expect(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers["content-type"]).toBe("text/html; charset=utf-8");
    await request(ctx.app).get(LESSON).set("If-None-Match", first.headers.etag!).expect(304);
  });

  it("keeps languages apart", async () => {
    const english = await request(ctx.app).get(LESSON).expect(200);
    const french = await request(ctx.app).get(LESSON).set("Accept-Language", "fr").expect(200);
    expect(french.text).toContain('<html lang="fr"');
    expect(english.text).toContain('<html lang="en"');
  });

  it("never serves a cached page to someone signed in, nor caches theirs", async () => {
    await request(ctx.app).get(LESSON).expect(200);
    const agent = await signedInAgent(ctx, await createUser(ctx));
    const mine = await agent.get(LESSON).expect(200);
    expect(mine.text).toContain("Mark as complete");
    expect(mine.headers.etag).toBeUndefined();
    const anonymous = await request(ctx.app).get(LESSON).expect(200);
    expect(anonymous.text).not.toContain("Mark as complete");
  });

  it("does not cache addresses with a query string (notices) or pages that did not opt in", async () => {
    const withNotice = await request(ctx.app).get(`${LESSON}?notice=signed-out`).expect(200);
    expect(withNotice.text).toContain("You have signed out.");
    expect((await request(ctx.app).get(LESSON).expect(200)).text).not.toContain("You have signed out.");
  });

  it("forgets every page when the courses change", async () => {
    const before = await request(ctx.app).get(LESSON).expect(200);
    const file = path.join(courses, "basics", "first.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("## One", "## One\n\nA sentence added by a trainer."));
    expect(ctx.deps.catalog.reload()).toBe(true);
    const after = await request(ctx.app).get(LESSON).expect(200);
    expect(before.text).not.toContain("A sentence added by a trainer.");
    expect(after.text).toContain("A sentence added by a trainer.");
  });
});
