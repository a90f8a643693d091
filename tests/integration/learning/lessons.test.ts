// Enrolling, marking lessons complete (with and without htmx), My learning with
// "continue where you left off", sequential courses, and content that changes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, FIXTURE_COURSES, SEQUENTIAL_COURSES, type TestContext } from "../../helpers/context.js";
import { RIGHT_BASICS } from "../../helpers/learning.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const LESSON = "/courses/fixture-course/basics/first-lesson";

describe("enrolling", () => {
  it("the course page says what enrolling means; one click enrols, idempotently", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const page = await agent.get("/courses/fixture-course").expect(200);
    expect(page.text).toContain("Enrolling is free.");
    expect(page.text).toContain('action="/courses/fixture-course/enrol"');
    await agent
      .post("/courses/fixture-course/enrol")
      .set("Origin", ORIGIN)
      .expect(303)
      .expect("Location", "/courses/fixture-course");
    await agent.post("/courses/fixture-course/enrol").set("Origin", ORIGIN).expect(303);
    expect(await ctx.db.enrolment.count({ where: { userId: user.id } })).toBe(1);
    expect((await agent.get("/courses/fixture-course")).text).toContain("Your progress");
  });

  it("anonymous visitors are invited to create an account instead", async () => {
    const page = await request(ctx.app).get("/courses/fixture-course").expect(200);
    expect(page.text).toContain("/register?next=%2Fcourses%2Ffixture-course");
    await request(ctx.app)
      .post("/courses/fixture-course/enrol")
      .set("Origin", ORIGIN)
      .expect(303)
      .expect("Location", /^\/login\?next=/);
  });
});

describe("marking a lesson complete", () => {
  it("without JavaScript: the form posts and comes back to the lesson with a notice", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const before = await agent.get(LESSON).expect(200);
    expect(before.text).toContain("0 of 2 lessons done");
    const res = await agent
      .post(`${LESSON}/complete`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ done: "true", return: LESSON })
      .expect(303);
    // Back at the completion control (#complete), not at the top of the page.
    expect(res.headers.location).toBe(`${LESSON}?notice=lesson-completed#complete`);
    const after = await agent.get(res.headers.location!.split("#")[0]!).expect(200);
    expect(after.text).toMatch(/<div class="lesson-actions" id="complete">\s*<form[^>]*id="lesson-completion"/);
    expect(after.text).toContain("Lesson marked as complete.");
    expect(after.text).toContain("1 of 2 lessons done");
    expect(after.text).toContain("Mark as not complete");
    // Enrolled automatically by the first bit of progress.
    expect(await ctx.db.enrolment.count({ where: { userId: user.id } })).toBe(1);
  });

  it("without JavaScript, undoing also comes back to #complete; a fragment in `return` is replaced", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    const res = await agent
      .post(`${LESSON}/complete`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ done: "false", return: `${LESSON}#somewhere` })
      .expect(303);
    expect(res.headers.location).toBe(`${LESSON}?notice=lesson-reopened#complete`);
  });

  it("with htmx: returns the new button, the module progress and an announcement to swap in", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    const res = await agent
      .post(`${LESSON}/complete`)
      .set("Origin", ORIGIN)
      .set("HX-Request", "true")
      .type("form")
      .send({ done: "true" })
      .expect(200);
    expect(res.headers.vary).toContain("HX-Request");
    expect(res.text).toMatch(/^<form[^>]*id="lesson-completion"/);
    expect(res.text).toContain("autofocus>Mark as not complete</button>");
    expect(res.text).toContain('<hx-partial hx-target="#module-progress" hx-swap="outerHTML">');
    expect(res.text).toContain("1 of 2 lessons done");
    expect(res.text).toContain(
      '<hx-partial hx-target="#announcer" hx-swap="innerHTML">Lesson marked as complete.</hx-partial>',
    );
    expect(res.text).not.toContain("<html");
  });

  it("can be undone", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    await agent.post(`${LESSON}/complete`).set("Origin", ORIGIN).type("form").send({ done: "true" }).expect(303);
    await agent.post(`${LESSON}/complete`).set("Origin", ORIGIN).type("form").send({ done: "false" }).expect(303);
    expect(await ctx.db.lessonProgress.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a burst of 30 double clicks stores one completion", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        agent.post(`${LESSON}/complete`).set("Origin", ORIGIN).type("form").send({ done: "true" }),
      ),
    );
    expect(results.every((r) => r.status === 303)).toBe(true);
    expect(await ctx.db.lessonProgress.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses lessons that do not exist, or exist in another module, storing nothing", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    await agent.post("/courses/fixture-course/basics/nope/complete").set("Origin", ORIGIN).expect(404);
    await agent.post("/courses/fixture-course/advanced/first-lesson/complete").set("Origin", ORIGIN).expect(404);
    await agent.post("/courses/fixture-course/drafty/wip/complete").set("Origin", ORIGIN).expect(404);
    await agent.post(`${LESSON}/complete`).set("Origin", ORIGIN).type("form").send({ done: "maybe" }).expect(400);
    expect(await ctx.db.lessonProgress.count({ where: { userId: user.id } })).toBe(0);
  });

  it("shows each lesson's state on the module page and each module's on the course page", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    await agent.post(`${LESSON}/complete`).set("Origin", ORIGIN).type("form").send({ done: "true" });
    const module = await agent.get("/courses/fixture-course/basics").expect(200);
    expect(module.text).toMatch(/first-lesson">The first lesson<\/a>.*Done<\/span>/);
    expect(module.text).not.toMatch(/second-lesson">The second lesson<\/a>.*Done<\/span>/);
    expect(module.text).toContain("In progress");
    const course = await agent.get("/courses/fixture-course").expect(200);
    expect(course.text).toContain("1 of 2 lessons done");
    expect(course.text).toContain("Not started");
  });
});

describe("My learning", () => {
  it("lists enrolled courses with progress and continues in the module last worked in", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const empty = await agent.get("/learning").expect(200);
    expect(empty.text).toContain("You have not started a course yet");
    await agent.post("/courses/fixture-course/enrol").set("Origin", ORIGIN);
    await agent.get("/courses/fixture-course/advanced/deep").expect(200);
    const page = await agent.get("/learning").expect(200);
    expect(page.text).toContain('<a class="button" href="/courses/fixture-course/advanced/deep">Start</a>');
    expect(page.text).toContain("Next lesson: <bdi>Going deeper</bdi>");
    expect(page.text).toContain("0 of 2 modules complete");
    expect(page.text).toMatch(/<progress id="progress-fixture-course" max="100" value="0">/);
    await request(ctx.app).get("/learning").expect(303);
  });

  it("continues at the next unfinished item, not at the last page seen in a finished module", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    await agent.post("/courses/fixture-course/enrol").set("Origin", ORIGIN);
    const continueButton = async (url: string) =>
      (await agent.get(url).expect(200)).text
        .match(/<p class="continue"><a class="button" href="([^"]+)">([^<]+)<\/a>/)
        ?.slice(1);
    // Both lessons done, quiz not passed: the quiz, from My learning and from the course page.
    await agent.get("/courses/fixture-course/basics/second-lesson").expect(200);
    for (const lesson of ["first-lesson", "second-lesson"])
      await agent.post(`/courses/fixture-course/basics/${lesson}/complete`).set("Origin", ORIGIN).type("form").send({});
    expect(await continueButton("/learning")).toEqual([
      "/courses/fixture-course/basics/quiz",
      "Continue where you left off",
    ]);
    expect(await continueButton("/courses/fixture-course")).toEqual([
      "/courses/fixture-course/basics/quiz",
      "Continue where you left off",
    ]);
    expect((await agent.get("/learning")).text).toContain("Next, the quiz: <bdi>Basics quiz</bdi>");

    // Quiz passed: the last page seen (second-lesson) is in a finished module; go on to the next one.
    await agent
      .post("/courses/fixture-course/basics/quiz")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ ...RIGHT_BASICS, attempt: "1" } as unknown as Record<string, string>)
      .expect(303);
    expect(await continueButton("/learning")).toEqual([
      "/courses/fixture-course/advanced/deep",
      "Continue where you left off",
    ]);

    // Everything done: no "continue"; the course is complete and the certificate is offered.
    await agent.post("/courses/fixture-course/advanced/deep/complete").set("Origin", ORIGIN).type("form").send({});
    const learning = await agent.get("/learning").expect(200);
    expect(learning.text).not.toContain('class="continue"');
    expect(learning.text).toContain("Course complete");
    expect(learning.text).toContain(
      '<a class="button" href="/courses/fixture-course/certificate">Claim your certificate</a>',
    );
    const course = await agent.get("/courses/fixture-course").expect(200);
    expect(course.text).not.toContain('class="continue"');
    expect(course.text).toContain('<h2 id="enrolment-title">Course complete</h2>');
  });

  it("a learner who is not enrolled gets no continue button on the course page", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    const page = await agent.get("/courses/fixture-course").expect(200);
    expect(page.text).not.toContain('class="continue"');
    expect(page.text).toContain("Enrol in this course");
  });

  it("shows quiz results per module", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    await agent
      .post("/courses/fixture-course/basics/quiz")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ attempt: "1", "q.single": "right", "q.tf": "false", confirm: "1" })
      .expect(303);
    const page = await agent.get("/learning").expect(200);
    expect(page.text).toMatch(/<a href="\/courses\/fixture-course\/basics\/quiz\/attempts">29%<\/a>/);
  });
});

describe("a sequential course", () => {
  let seq: TestContext;
  beforeAll(async () => {
    seq = await createTestContext({ courses: SEQUENTIAL_COURSES });
  });
  afterAll(() => seq.close());

  it("explains what unlocks the next module and refuses progress there until then", async () => {
    const user = await createUser(seq);
    const agent = await signedInAgent(seq, user);
    const course = await agent.get("/courses/sequential-course").expect(200);
    expect(course.text).toContain("Take the modules in order");
    expect(course.text).toContain("Locked");
    const second = await agent.get("/courses/sequential-course/second").expect(200);
    expect(second.text).toContain("This module opens when you complete the module before it:");
    const refused = await agent
      .post("/courses/sequential-course/second/two/complete")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ done: "true" })
      .expect(403);
    expect(refused.text).toContain("This module opens when you complete “First things”.");
    expect(await seq.db.lessonProgress.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("when content changes", () => {
  it("progress follows ids; a removed lesson simply stops counting", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-edit-"));
    fs.cpSync(FIXTURE_COURSES, dir, { recursive: true });
    const edited = await createTestContext({ courses: dir });
    try {
      const agent = await signedInAgent(edited, await createUser(edited));
      for (const lesson of ["first-lesson", "second-lesson"]) {
        await agent
          .post(`/courses/fixture-course/basics/${lesson}/complete`)
          .set("Origin", ORIGIN)
          .type("form")
          .send({ done: "true" })
          .expect(303);
      }
      // Rename a file and reorder: progress keeps (ids unchanged). Then remove a lesson.
      fs.renameSync(path.join(dir, "basics/first.md"), path.join(dir, "basics/renamed.md"));
      const moduleFile = path.join(dir, "basics/module.yaml");
      fs.writeFileSync(
        moduleFile,
        fs.readFileSync(moduleFile, "utf8").replace("  - first.md\n  - second.md", "  - second.md\n  - renamed.md"),
      );
      fs.writeFileSync(
        path.join(dir, "basics/second.md"),
        fs
          .readFileSync(path.join(dir, "basics/second.md"), "utf8")
          .replace("[the first lesson](first.md)", "[the first lesson](renamed.md)"),
      );
      fs.writeFileSync(
        path.join(dir, "basics/renamed.md"),
        fs.readFileSync(path.join(dir, "basics/renamed.md"), "utf8").replace("second.md#two-a", "second.md"),
      );
      expect(edited.deps.catalog.reload()).toBe(true);
      expect((await agent.get("/courses/fixture-course/basics/first-lesson")).text).toContain("2 of 2 lessons done");

      fs.writeFileSync(moduleFile, fs.readFileSync(moduleFile, "utf8").replace("  - renamed.md\n", ""));
      fs.rmSync(path.join(dir, "basics/renamed.md"));
      fs.writeFileSync(
        path.join(dir, "basics/second.md"),
        fs
          .readFileSync(path.join(dir, "basics/second.md"), "utf8")
          .replace("[the first lesson](renamed.md)", "the first lesson"),
      );
      expect(edited.deps.catalog.reload()).toBe(true);
      const page = await agent.get("/courses/fixture-course/basics/second-lesson").expect(200);
      expect(page.text).toContain("1 of 1 lessons done");
      await agent.get("/learning").expect(200);
    } finally {
      await edited.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
