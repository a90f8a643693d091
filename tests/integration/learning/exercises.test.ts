// Reflections: private to their author, editable, autosaved with htmx, saved by a plain
// button without JavaScript, and counted when a module asks for one.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProgress } from "../../../src/learning/service.js";
import { createUser, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, SEQUENTIAL_COURSES, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const EXERCISE = "/courses/fixture-course/basics/exercise";

describe("reflection exercises", () => {
  it("are saved with a button, edited later, and shown only to their author", async () => {
    const author = await signedInAgent(ctx, await createUser(ctx));
    const other = await signedInAgent(ctx, await createUser(ctx));
    const empty = await author.get(EXERCISE).expect(200);
    expect(empty.text).toContain("Not saved yet.");
    expect(empty.text).toContain("Only you can see what you write here");
    await author
      .post(EXERCISE)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ text: "In my country, possession is a crime." })
      .expect(303)
      .expect("Location", `${EXERCISE}?notice=exercise-saved`);
    await author
      .post(EXERCISE)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ text: "Edited: possession is still a crime <b>here</b>." })
      .expect(303);
    const mine = await author.get(EXERCISE).expect(200);
    expect(mine.text).toContain("Edited: possession is still a crime &lt;b&gt;here&lt;/b&gt;.");
    expect(mine.text).toMatch(/Saved .* UTC\./);
    const theirs = await other.get(EXERCISE).expect(200);
    expect(theirs.text).not.toContain("possession is still a crime");
    expect((await request(ctx.app).get(EXERCISE)).text).not.toContain("possession is still a crime");
  });

  it("autosave with htmx answers with the saved state only", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const res = await agent
      .post(EXERCISE)
      .set("Origin", ORIGIN)
      .set("HX-Request", "true")
      .type("form")
      .send({ text: "Draft one" })
      .expect(200);
    expect(res.text.trim()).toMatch(/^Saved .* UTC\.$/);
    expect(res.headers.vary).toContain("HX-Request");
    const saved = await ctx.db.exerciseResponse.findMany({ where: { userId: user.id } });
    expect(saved.map((r) => [r.moduleId, r.text])).toEqual([["basics", "Draft one"]]);
  });

  it("refuse a text over 20,000 characters with the form, keeping it, storing nothing", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const res = await agent
      .post(EXERCISE)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ text: "x".repeat(20_001) })
      .expect(422);
    expect(res.text).toContain("Your reflection is too long: keep it under 20,000 characters.");
    expect(await ctx.db.exerciseResponse.count({ where: { userId: user.id } })).toBe(0);
  });

  it("count towards completion where a module asks for one", async () => {
    const seq = await createTestContext({ courses: SEQUENTIAL_COURSES });
    try {
      const user = await createUser(seq);
      const agent = await signedInAgent(seq, user);
      const course = seq.deps.catalog.current.courseById.get("sequential-course")!;
      const exerciseSaved = async () => (await loadProgress(seq.deps, user.id, course)).byModule.get("first")!;
      expect(await exerciseSaved()).toMatchObject({ exerciseSaved: false, status: "not-started" });
      const before = await agent.get("/courses/sequential-course/first").expect(200);
      expect(before.text).not.toContain('class="tag tag-done">Saved');
      await agent
        .post("/courses/sequential-course/first/exercise")
        .set("Origin", ORIGIN)
        .type("form")
        .send({ text: "My thoughts." })
        .expect(303);
      const after = await agent.get("/courses/sequential-course/first").expect(200);
      expect(after.text).toContain('class="tag tag-done">Saved');
      expect(await exerciseSaved()).toMatchObject({ exerciseSaved: true, status: "in-progress" });
      expect(await seq.db.exerciseResponse.count({ where: { userId: user.id, text: "My thoughts." } })).toBe(1);
    } finally {
      await seq.close();
    }
  });
});
