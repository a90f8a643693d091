// Quizzes over HTTP: a learner's whole journey with and without htmx, the answer key
// never leaving the server early, attempt limits, replays, tampering, bursts, reviews.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, databaseSnapshot, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, FIXTURE_COURSES, SEQUENTIAL_COURSES, type TestContext } from "../../helpers/context.js";
import { RIGHT_BASICS } from "../../helpers/learning.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const QUIZ = "/courses/fixture-course/basics/quiz";
type Agent = Awaited<ReturnType<typeof signedInAgent>>;

/** Every answer of the fixture's basics quiz, right (the short answer typed loosely). */
const RIGHT = { ...RIGHT_BASICS, "q.short": " lisbon " };

const post = (agent: Agent, url: string, form: Record<string, unknown>, htmx = false) => {
  const req = agent.post(url).set("Origin", ORIGIN).type("form");
  if (htmx) req.set("HX-Request", "true");
  return req.send(form as Record<string, string>);
};
const check = (agent: Agent, questionId: string, form: Record<string, unknown>, htmx = true) =>
  post(agent, `${QUIZ}/questions/${questionId}`, form, htmx);
const learner = async () => {
  const user = await createUser(ctx);
  return { user, agent: await signedInAgent(ctx, user) };
};

describe("the answer key never reaches the browser before an answer", () => {
  it("is absent from the quiz page (anonymous and signed in) and from the other questions' fragments", async () => {
    const secrets = [
      "Yes, right.",
      "No, wrong.",
      "A is right.",
      "C is wrong.",
      "Because it is right.",
      "Indeed false.",
      "Lisboa",
      "It was 2001.",
      "Capitals.",
      "Counting.",
      "is-correct",
      "Right answer</span>",
    ];
    const { agent } = await learner();
    for (const page of [await request(ctx.app).get(QUIZ), await agent.get(QUIZ)]) {
      expect(page.status).toBe(200);
      for (const secret of secrets) expect(page.text, secret).not.toContain(secret);
      expect(page.text).not.toMatch(/data-correct|correct="/);
    }
    const fragment = await check(agent, "single", { attempt: "1", "q.single": "right" }).expect(200);
    expect(fragment.text).toContain("Yes, right.");
    expect(fragment.text).not.toContain("A is right.");
    expect(fragment.text).not.toContain("Lisboa");
  });
});

describe("a learner's journey through a module", () => {
  it.each([
    ["with htmx", true],
    ["without JavaScript", false],
  ])(
    "%s: lessons, checking questions one by one, finishing, reviewing — and the module is complete",
    async (_label, htmx) => {
      const { user, agent } = await learner();
      for (const lesson of ["first-lesson", "second-lesson"]) {
        const req = agent.post(`/courses/fixture-course/basics/${lesson}/complete`).set("Origin", ORIGIN).type("form");
        if (htmx) req.set("HX-Request", "true");
        await req.send({ done: "true" }).expect(htmx ? 200 : 303);
      }
      // Check the first three questions one at a time.
      const single = await check(agent, "single", { ...RIGHT, attempt: "1" }, htmx).expect(200);
      expect(single.text).toContain("Correct.");
      expect(single.text).toContain("Yes, right.");
      expect(single.text).toContain("Because it is right.");
      if (htmx) {
        expect(single.text).toMatch(/^<section class="question question-correct" id="q-single">/);
        expect(single.text).toContain("autofocus");
        expect(single.text).toContain(
          '<hx-partial hx-target="#announcer" hx-swap="innerHTML">Question 1: Correct.</hx-partial>',
        );
      } else {
        // The whole page comes back, keeping what was typed in the other questions.
        expect(single.text).toContain("<html");
        expect(single.text).toMatch(/name="q\.short" type="text"[^>]*value=" lisbon "/);
      }
      const multi = await check(agent, "multi", { attempt: "1", "q.multi": "a" }, htmx).expect(200);
      expect(multi.text).toContain("Partly right: 50% of the marks.");
      await check(agent, "tf", { attempt: "1", "q.tf": "false" }, htmx).expect(200);

      // Finish: the rest comes with the final submission; stored answers are kept as they were.
      const done = await post(agent, QUIZ, { ...RIGHT, attempt: "1" }, htmx);
      if (htmx) {
        expect(done.status).toBe(200);
        expect(done.headers["hx-push-url"]).toBe(`${QUIZ}/attempts/1`);
        expect(done.text).toContain("Your score: 93%");
      } else {
        expect(done.status).toBe(303);
        expect(done.headers.location).toBe(`${QUIZ}/attempts/1`);
        const review = await agent.get(done.headers.location!).expect(200);
        expect(review.text).toContain("Your score: 93%");
        expect(review.text).toContain("you passed (the pass mark is 60%)");
      }
      const attempt = await ctx.db.quizAttempt.findFirstOrThrow({
        where: { userId: user.id },
        include: { answers: true },
      });
      expect(attempt).toMatchObject({ number: 1, passed: true });
      expect(attempt.score).toBeCloseTo(6.5 / 7, 10);
      expect(attempt.answers).toHaveLength(7);
      const module = await agent.get("/courses/fixture-course/basics").expect(200);
      expect(module.text).toContain("Complete");
    },
  );
});

describe("answers that are refused, storing nothing", () => {
  it.each([
    ["an option of another question", "single", { attempt: "1", "q.single": "a" }, 400, "could not be read"],
    ["an unknown question", "nope", { attempt: "1", "q.nope": "x" }, 400, "not part of this quiz attempt"],
    [
      "a question of another module's quiz",
      "capital",
      { attempt: "1", "q.capital": "lisbon" },
      400,
      "not part of this quiz attempt",
    ],
    [
      "text where a number belongs",
      "number",
      { attempt: "1", "q.number": "two thousand and one" },
      400,
      "Question 5: type a number, for example 12 or 0.5.",
    ],
    [
      "a list where one value belongs",
      "single",
      { attempt: "1", "q.single": ["right", "wrong"] },
      400,
      "could not be read",
    ],
    [
      "an ordering with a position twice",
      "order",
      { attempt: "1", "q.order.one": "1", "q.order.two": "1", "q.order.three": "2" },
      400,
      "position 1 is used twice",
    ],
    [
      "a matching choice that is not offered",
      "match",
      { attempt: "1", "q.match.pt": "Berlin", "q.match.es": "Madrid" },
      400,
      "could not be read",
    ],
    ["no answer at all", "tf", { attempt: "1" }, 422, "Answer question 3 before checking it."],
    ["no attempt number", "single", { "q.single": "right" }, 400, "The quiz form was incomplete"],
    ["an attempt from the future", "single", { attempt: "5", "q.single": "right" }, 409, "out of date"],
  ])("%s → %i", async (_name, questionId, form, status, message) => {
    const { agent } = await learner();
    const before = await databaseSnapshot(ctx);
    const res = await check(agent, questionId, form).expect(status);
    expect(res.text).toContain(message);
    expect(await databaseSnapshot(ctx)).toBe(before);
  });

  it("a finished attempt refuses more answers (a replay) and a second submission", async () => {
    const { agent } = await learner();
    await post(agent, QUIZ, { ...RIGHT, attempt: "1" }).expect(303);
    const before = await databaseSnapshot(ctx);
    const replayCheck = await check(agent, "single", { attempt: "1", "q.single": "wrong" }).expect(409);
    expect(replayCheck.text).toContain("Attempt 1 has already been submitted");
    await post(agent, QUIZ, { ...RIGHT, attempt: "1" }).expect(409);
    expect(await databaseSnapshot(ctx)).toBe(before);
  });

  it("an answer cannot be checked twice (the second click is refused, the first stands)", async () => {
    const { user, agent } = await learner();
    await check(agent, "single", { attempt: "1", "q.single": "wrong" }).expect(200);
    const again = await check(agent, "single", { attempt: "1", "q.single": "right" }).expect(409);
    expect(again.text).toContain("You have already checked question 1");
    const answer = await ctx.db.quizAnswer.findFirstOrThrow({ where: { attempt: { userId: user.id } } });
    expect(answer).toMatchObject({ correct: false, tries: 1 });
  });

  it("answers smuggled in for questions outside the attempt refuse the whole submission", async () => {
    const { user, agent } = await learner();
    const res = await post(agent, QUIZ, { ...RIGHT, attempt: "1", "q.capital": "lisbon" }).expect(400);
    expect(res.text).toContain("answers to questions that are not in this attempt");
    expect(await ctx.db.quizAttempt.count({ where: { userId: user.id } })).toBe(0);
  });

  it("without JavaScript the message appears on the quiz page itself, keeping what was typed", async () => {
    const { agent } = await learner();
    const res = await check(agent, "tf", { attempt: "1", "q.short": "Porto" }, false).expect(422);
    expect(res.text).toContain("<html");
    expect(res.text).toContain('role="alert"');
    expect(res.text).toContain("Answer question 3 before checking it.");
    expect(res.text).toMatch(/name="q\.short"[^>]*value="Porto"/);
  });
});

describe("finishing a quiz with an answer that cannot be read", () => {
  it("explains it on that question only, keeps every answer, stores nothing, and focuses the question", async () => {
    const { user, agent } = await learner();
    const form = { ...RIGHT, attempt: "1", "q.order.one": "2", "q.order.two": "2", "q.order.three": "1" };
    for (const htmx of [false, true]) {
      const res = await post(agent, QUIZ, form, htmx).expect(422);
      expect(res.text).toMatch(
        /id="q-order-error"><p class="error-message" role="alert" tabindex="-1" autofocus data-focus>Question 7: position 2 is used twice/,
      );
      expect(res.text.match(/class="error-message" role="alert"/g)).toHaveLength(1);
      expect(res.text).not.toContain("flash-error");
      expect(res.text).toMatch(/name="q\.short"[^>]*value=" lisbon "/);
      expect(res.text).toMatch(/<option value="Lisbon" selected/);
      if (htmx) expect(res.headers["hx-reselect"]).toBe("#quiz");
    }
    expect(await ctx.db.quizAttempt.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("attempt limits and bursts", () => {
  it("allows the configured number of attempts, then says so clearly", async () => {
    const { user, agent } = await learner();
    for (const n of [1, 2, 3])
      await post(agent, QUIZ, { attempt: String(n), "q.single": "wrong", confirm: "1" }).expect(303);
    const page = await agent.get(QUIZ).expect(200);
    expect(page.text).toContain("No attempts left");
    const before = await databaseSnapshot(ctx);
    const res = await post(agent, QUIZ, { attempt: "4", "q.single": "right", confirm: "1" }).expect(403);
    expect(res.text).toContain("You have used all 3 attempts this quiz allows.");
    await check(agent, "single", { attempt: "4", "q.single": "right" }).expect(403);
    expect(await databaseSnapshot(ctx)).toBe(before);
    expect(await ctx.db.quizAttempt.count({ where: { userId: user.id } })).toBe(3);
  });

  it("grades 100 parallel submissions of one attempt exactly once", async () => {
    const { user, agent } = await learner();
    const results = await Promise.all(Array.from({ length: 100 }, () => post(agent, QUIZ, { ...RIGHT, attempt: "1" })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    expect(await ctx.db.quizAttempt.count({ where: { userId: user.id } })).toBe(1);
    expect(await ctx.db.quizAnswer.count({ where: { attempt: { userId: user.id } } })).toBe(7);
  });

  it("checks one question once under a burst of double clicks", async () => {
    const { user, agent } = await learner();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => check(agent, "single", { attempt: "1", "q.single": "right" })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(await ctx.db.quizAttempt.count({ where: { userId: user.id } })).toBe(1);
    expect(await ctx.db.quizAnswer.count({ where: { attempt: { userId: user.id } } })).toBe(1);
  });
});

describe("finishing with unanswered questions", () => {
  it("asks first, keeping the answers and storing nothing; finishing anyway then uses the attempt", async () => {
    const { user, agent } = await learner();
    const before = await databaseSnapshot(ctx);
    const asked = await post(agent, QUIZ, { attempt: "1", "q.single": "right" }).expect(200);
    expect(asked.text).toContain("Finish with unanswered questions?");
    expect(asked.text).toMatch(/6 questions have no answer yet \(2, 3, 4, 5, 6, 7\)/);
    expect(asked.text).toContain('name="confirm" value="1"');
    expect(asked.text).toMatch(/<input type="radio" id="[^"]+" name="q\.single" value="right" checked/);
    expect(await databaseSnapshot(ctx)).toBe(before);
    // With htmx the same page comes back, and htmx takes the quiz out of it.
    const htmx = await post(agent, QUIZ, { attempt: "1", "q.single": "right" }, true).expect(200);
    expect(htmx.headers["hx-reselect"]).toBe("#quiz");
    expect(htmx.text).toContain("Finish anyway");
    expect(await databaseSnapshot(ctx)).toBe(before);

    await post(agent, QUIZ, { attempt: "1", "q.single": "right", confirm: "1" })
      .expect(303)
      .expect("Location", `${QUIZ}/attempts/1`);
    const attempt = await ctx.db.quizAttempt.findFirstOrThrow({ where: { userId: user.id } });
    expect(attempt.submittedAt).not.toBeNull();
    expect(await ctx.db.quizAnswer.count({ where: { attemptId: attempt.id } })).toBe(1);
  });

  it("finishes at once when every question is answered", async () => {
    const { agent } = await learner();
    await post(agent, QUIZ, { ...RIGHT, attempt: "1" }).expect(303);
  });

  it("never offers another attempt after the last one", async () => {
    const { agent } = await learner();
    for (const n of [1, 2]) await post(agent, QUIZ, { attempt: String(n), confirm: "1" }).expect(303);
    expect((await agent.get(`${QUIZ}/attempts/2`).expect(200)).text).toContain("Try again");
    await post(agent, QUIZ, { attempt: "3", confirm: "1" }).expect(303);
    const last = await agent.get(`${QUIZ}/attempts/3`).expect(200);
    expect(last.text).not.toContain("Try again");
    expect(last.text).toContain("No attempts left");
  });
});

describe("reviewing attempts", () => {
  it("lists attempts and shows each as it was answered, even after the quiz changes", async () => {
    const { agent } = await learner();
    await post(agent, QUIZ, { attempt: "1", "q.single": "wrong", "q.tf": "false", confirm: "1" }).expect(303);
    const list = await agent.get(`${QUIZ}/attempts`).expect(200);
    expect(list.text).toContain("Review attempt 1");
    const review = await agent.get(`${QUIZ}/attempts/1`).expect(200);
    expect(review.text).toContain("Not quite.");
    expect(review.text).toContain("No, wrong.");
    expect(review.text).toContain("Not answered.");
    await agent.get(`${QUIZ}/attempts/2`).expect(404);
    await agent.get(`${QUIZ}/attempts/zero`).expect(404);
  });

  it("shows an old attempt as it was after the quiz's text changes, and a removed question simply stops counting", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-quiz-edit-"));
    fs.cpSync(FIXTURE_COURSES, dir, { recursive: true });
    const edited = await createTestContext({ courses: dir });
    try {
      const agent = await signedInAgent(edited, await createUser(edited));
      await agent
        .post(QUIZ)
        .set("Origin", ORIGIN)
        .type("form")
        .send({ ...RIGHT, attempt: "1" })
        .expect(303);
      const quizFile = path.join(dir, "basics/quiz.yaml");
      const yaml = fs.readFileSync(quizFile, "utf8");
      fs.writeFileSync(quizFile, yaml.replace("prompt: Pick the right one.", "prompt: A reworded question."));
      expect(edited.deps.catalog.reload()).toBe(true);
      const review = await agent.get(`${QUIZ}/attempts/1`).expect(200);
      expect(review.text).toContain("Pick the right one.");
      expect(review.text).not.toContain("A reworded question.");
      expect((await agent.get(QUIZ)).text).toContain("A reworded question.");
      // Remove the ordering question: the module page and My learning still work.
      fs.writeFileSync(quizFile, yaml.slice(0, yaml.indexOf("  - id: order")));
      expect(edited.deps.catalog.reload()).toBe(true);
      await agent.get("/courses/fixture-course/basics").expect(200);
      await agent.get("/learning").expect(200);
      await agent.get(`${QUIZ}/attempts/1`).expect(200);
    } finally {
      await edited.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps each learner's attempts to themselves", async () => {
    const a = await learner();
    const b = await learner();
    await post(a.agent, QUIZ, { attempt: "1", "q.single": "right", confirm: "1" }).expect(303);
    await b.agent.get(`${QUIZ}/attempts/1`).expect(404);
  });
});

describe("a retry quiz drawn from a pool, in a sequential course", () => {
  let seq: TestContext;
  beforeAll(async () => {
    seq = await createTestContext({ courses: SEQUENTIAL_COURSES });
  });
  afterAll(() => seq.close());
  const RETRY = "/courses/sequential-course/first/quiz";

  it("says only “not right” until the learner finds the answer; the first answer counts", async () => {
    const user = await createUser(seq);
    const agent = await signedInAgent(seq, user);
    const page = await agent.get(RETRY).expect(200);
    const drawn = [...page.text.matchAll(/<section class="question" id="q-([a-z]+)"/g)].map((m) => m[1]!);
    expect(drawn).toHaveLength(2);
    // The same two questions every time the page is opened within the attempt.
    const again = await agent.get(RETRY);
    expect([...again.text.matchAll(/<section class="question" id="q-([a-z]+)"/g)].map((m) => m[1])).toEqual(drawn);

    const wrong: Record<string, Record<string, string>> = {
      capital: { "q.capital": "porto" },
      year: { "q.year": "1999" },
      sky: { "q.sky": "false" },
    };
    const right: Record<string, Record<string, string>> = {
      capital: { "q.capital": "lisbon" },
      year: { "q.year": "2001" },
      sky: { "q.sky": "true" },
    };
    const q = drawn[0]!;
    const first = await agent
      .post(`${RETRY}/questions/${q}`)
      .set("Origin", ORIGIN)
      .set("HX-Request", "true")
      .type("form")
      .send({ attempt: "1", ...wrong[q] })
      .expect(200);
    expect(first.text).toContain("That&#39;s not right. Have another look and try again.");
    expect(first.text).not.toMatch(/Lisbon is the capital|It took effect in July 2001|On a clear day/);
    expect(first.text).toContain("Check again");
    const second = await agent
      .post(`${RETRY}/questions/${q}`)
      .set("Origin", ORIGIN)
      .set("HX-Request", "true")
      .type("form")
      .send({ attempt: "1", ...right[q] })
      .expect(200);
    expect(second.text).toContain("Correct now. Your first answer is the one that counts for the score.");
    await agent
      .post(`${RETRY}/questions/${q}`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ attempt: "1", ...right[q] })
      .expect(409);
    await agent
      .post(RETRY)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ attempt: "1", ...right[drawn[1]!] })
      .expect(303);
    const attempt = await seq.db.quizAttempt.findFirstOrThrow({ where: { userId: user.id } });
    expect(attempt).toMatchObject({ score: 0.5, passed: false });
  });

  it("counts the last attempt when the course says so", async () => {
    const user = await createUser(seq);
    const agent = await signedInAgent(seq, user);
    const answer = async (n: number, correct: boolean) => {
      const page = await agent.get(RETRY);
      const ids = [...page.text.matchAll(/<section class="question" id="q-([a-z]+)"/g)].map((m) => m[1]!);
      const form: Record<string, string> = { attempt: String(n) };
      const values: Record<string, [string, string]> = {
        capital: ["lisbon", "porto"],
        year: ["2001", "1"],
        sky: ["true", "false"],
      };
      for (const id of ids) form[`q.${id}`] = values[id]![correct ? 0 : 1];
      await agent.post(RETRY).set("Origin", ORIGIN).type("form").send(form).expect(303);
    };
    await answer(1, true);
    expect((await agent.get(RETRY)).text).toContain("Your latest score: 100%");
    await answer(2, false);
    expect((await agent.get(RETRY)).text).toContain("Your latest score: 0%");
  });
});
