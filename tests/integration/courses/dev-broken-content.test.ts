// While editing (npm run dev), no course content may stop the server: broken content at
// start-up gives the problems page, a broken save (even an alias bomb) keeps the last good
// version online, and the watcher outlives broken saves and a folder that disappears.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogStore } from "../../../src/courses/catalog-store.js";
import type { Problem } from "../../../src/courses/problems.js";
import { createTestContext, FIXTURE_COURSES, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
let store: CatalogStore;
let dir: string;
const file = (rel: string) => path.join(dir, rel);
const ALIAS_BOMB = ["a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", ""].join("\n");

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-dev-content-"));
  fs.cpSync(FIXTURE_COURSES, dir, { recursive: true });
  fs.writeFileSync(
    file("basics/second.md"),
    fs.readFileSync(file("basics/second.md"), "utf8").replace("minutes: 7", "minutes: seven"),
  );
  store = CatalogStore.loadForEditing(dir);
  ctx = await createTestContext({ courses: dir, catalog: store });
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(`${dir}-away`, { recursive: true, force: true });
});

/** Waits for a condition (no fixed sleeps); generous for a busy machine. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("starting the dev server on broken content", () => {
  it("starts with no courses and lists the problems at file:line on the pages", async () => {
    expect(store.current.courses).toEqual([]);
    const res = await request(ctx.app).get("/").expect(200);
    expect(res.text).toContain('role="alert"');
    expect(res.text).toContain("The courses have 2 problems — no course can be shown until they are fixed");
    expect(res.text).toMatch(/basics\/second\.md:4:10 {2}minutes: must be a number of minutes/);
    await request(ctx.app).get("/courses/fixture-course").expect(404);
  });

  it("serves the course once the content is fixed", async () => {
    fs.writeFileSync(file("basics/second.md"), fs.readFileSync(file("basics/second.md"), "utf8").replace("seven", "7"));
    expect(store.reload()).toBe(true);
    const res = await request(ctx.app).get("/courses/fixture-course").expect(200);
    expect(res.text).not.toContain('role="alert"');
  });
});

describe("saving broken content while the dev server runs", () => {
  it("survives an alias bomb: the last good version stays online with the problem listed", async () => {
    const glossary = fs.readFileSync(file("glossary.yaml"));
    fs.writeFileSync(file("glossary.yaml"), ALIAS_BOMB);
    expect(store.reload()).toBe(false);
    const res = await request(ctx.app).get("/courses/fixture-course").expect(200);
    expect(res.text).toContain("The last course edit has");
    expect(res.text).toMatch(/glossary\.yaml:2:8 {2}YAML aliases \(&quot;\*a&quot;\) are not allowed/);
    fs.writeFileSync(file("glossary.yaml"), glossary);
    expect(store.reload()).toBe(true);
  });

  it("keeps watching through a broken save, its fix, and the folder disappearing and coming back", async () => {
    const events: { ok: boolean; problems: Problem[] }[] = [];
    const stop = store.watch((ok, problems) => events.push({ ok, problems }));
    try {
      const last = () => events.at(-1);
      const glossary = fs.readFileSync(file("glossary.yaml"));
      fs.writeFileSync(file("glossary.yaml"), ALIAS_BOMB);
      await waitFor(
        () => last()?.ok === false && last()!.problems.some((p) => p.message.includes("YAML aliases")),
        "the broken save",
      );

      fs.writeFileSync(file("glossary.yaml"), glossary);
      await waitFor(() => last()?.ok === true, "the fix");

      fs.renameSync(dir, `${dir}-away`);
      await waitFor(
        () => last()?.ok === false && last()!.problems.some((p) => p.message.includes("does not exist")),
        "the missing folder",
      );
      fs.renameSync(`${dir}-away`, dir);
      await waitFor(() => last()?.ok === true, "the folder coming back");
      await request(ctx.app).get("/courses/fixture-course").expect(200);
    } finally {
      stop();
    }
  }, 90_000);
});
