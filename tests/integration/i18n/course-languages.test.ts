// Course content in the learner's language: the interface language when the course has it,
// the source (marked, with a notice) where it does not, a per-course choice from the course
// page that keeps progress and answers, and quizzes graded in the language they were shown in.
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLocale } from "../../../src/i18n/i18n.js";
import { createUser, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ courses: path.resolve("tests/fixtures/courses/translated") });
});
afterAll(() => ctx.close());

const COURSE = "/courses/translated-course";
const FIRST = `${COURSE}/basics/first-lesson`;
const SECOND = `${COURSE}/basics/second-lesson`;
const QUIZ = `${COURSE}/basics/quiz`;
type Agent = Awaited<ReturnType<typeof signedInAgent>>;

const notice = (ui: string, wanted: string, shown: string) => {
  const names = new Intl.DisplayNames([ui], { type: "language" });
  return getLocale(ui).t("content.notTranslated", { wanted: names.of(wanted)!, shown: names.of(shown)! });
};
const escaped = (text: string) => text.replace(/'/g, "&#39;").replace(/"/g, "&quot;");
const chooseLanguage = (agent: ReturnType<typeof request.agent> | Agent, lang: string) =>
  agent.post(`${COURSE}/language`).set("Origin", ORIGIN).type("form").send({ lang });

describe("the course in the interface language", () => {
  it("shows a French learner the French lesson, unmarked and without a notice", async () => {
    const res = await request(ctx.app).get(FIRST).set("Accept-Language", "fr").expect(200);
    expect(res.text).toContain('<html lang="fr" dir="ltr"');
    expect(res.text).toContain("<h1>Ce qu&#39;est la réduction des risques</h1>");
    expect(res.text).toContain('<div class="prose">');
    expect(res.text).not.toContain("translation-notice");
  });

  it("shows an Arabic learner the Arabic lesson right to left, and the English one where there is none", async () => {
    const first = await request(ctx.app).get(FIRST).set("Accept-Language", "ar").expect(200);
    expect(first.text).toContain('<html lang="ar" dir="rtl"');
    expect(first.text).toContain("<h1>ما هو الحد من الضرر</h1>");
    expect(first.text).not.toContain("translation-notice");

    const second = await request(ctx.app).get(SECOND).set("Accept-Language", "ar").expect(200);
    expect(second.text).toContain('<h1 lang="en" dir="ltr">Going further</h1>');
    expect(second.text).toMatch(/<div class="prose" lang="en" dir="ltr">/);
    expect(second.text).toContain(escaped(notice("ar", "ar", "en")));
  });

  it("tells a learner whose language the course lacks that it is shown in the source", async () => {
    // The fixture declares Russian but has no Russian file yet.
    const res = await request(ctx.app).get(FIRST).set("Accept-Language", "ru").expect(200);
    expect(res.text).toContain('<h1 lang="en" dir="ltr">What harm reduction is</h1>');
    expect(res.text).toContain(notice("ru", "ru", "en"));
  });

  it("shows English visitors the source with no notice", async () => {
    const res = await request(ctx.app).get(FIRST).set("Accept-Language", "en").expect(200);
    expect(res.text).toContain("<h1>What harm reduction is</h1>");
    expect(res.text).not.toContain("translation-notice");
  });
});

describe("switching a course's language from the course page", () => {
  it("offers a real form with every language of the course", async () => {
    const res = await request(ctx.app).get(COURSE).set("Accept-Language", "en").expect(200);
    expect(res.text).toContain(`<form class="course-language" method="post" action="${COURSE}/language">`);
    const options = [...res.text.matchAll(/<option value="([a-z]+)"( selected)?>/g)].map((m) => m[1] + (m[2] ?? ""));
    // The footer's interface switcher comes after the course's own form.
    expect(options.slice(0, 4)).toEqual(["en selected", "fr", "ar", "ru"]);
  });

  it("remembers the choice per course, over the interface language, and the page cache keeps them apart", async () => {
    // An English page is cached first for anonymous visitors...
    await request(ctx.app).get(FIRST).set("Accept-Language", "en").expect(200);
    const agent = request.agent(ctx.app);
    await chooseLanguage(agent, "fr").expect(303).expect("Location", COURSE);
    // ...and a visitor who chose French for this course still gets French.
    const res = await agent.get(FIRST).set("Accept-Language", "en").expect(200);
    expect(res.text).toContain('<html lang="en" dir="ltr"');
    expect(res.text).toContain('<h1 lang="fr" dir="ltr">Ce qu&#39;est la réduction des risques</h1>');
    expect(res.text).not.toContain("translation-notice");
    const course = await agent.get(COURSE).set("Accept-Language", "en").expect(200);
    expect(course.text).toContain('<option value="fr" selected>');
    // Others still get English from the cache.
    const other = await request(ctx.app).get(FIRST).set("Accept-Language", "en").expect(200);
    expect(other.text).toContain("<h1>What harm reduction is</h1>");
  });

  it.each([
    ["a language the course does not offer", "de"],
    ["no language at all", ""],
  ])("refuses %s with a clear message and sets nothing", async (_label, lang) => {
    const res = await chooseLanguage(request(ctx.app), lang).expect(400);
    expect(res.text).toContain("That language is not available.");
    expect(res.headers["set-cookie"]).toBeUndefined();
  });

  it("answers 404 for a course that does not exist", async () => {
    await request(ctx.app)
      .post("/courses/no-such-course/language")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ lang: "fr" })
      .expect(404);
  });

  it("keeps a learner's progress and answers when they switch", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    await agent.post(`${FIRST}/complete`).set("Origin", ORIGIN).type("form").send({ done: "true" }).expect(303);
    await agent
      .post(`${QUIZ}/questions/q-meaning`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ attempt: "1", "q.q-meaning": "reduce" })
      .expect(200);
    const before = await agent.get(`${COURSE}/basics`).set("Accept-Language", "en").expect(200);
    expect(before.text).toContain("1 of 2 lessons done");

    await chooseLanguage(agent, "fr").expect(303);
    const module = await agent.get(`${COURSE}/basics`).set("Accept-Language", "en").expect(200);
    expect(module.text).toContain('<h1 lang="fr" dir="ltr">Les bases</h1>');
    expect(module.text).toContain("1 of 2 lessons done");
    const quiz = await agent.get(QUIZ).set("Accept-Language", "en").expect(200);
    // The answer given in English is still there, now shown in French.
    expect(quiz.text).toMatch(
      /<li class="is-correct">\s*<span class="option-text" lang="fr" dir="ltr">Elle réduit les méfaits de/,
    );
    const learning = await agent.get("/learning").set("Accept-Language", "en").expect(200);
    expect(learning.text).toContain('lang="fr" dir="ltr">Cours traduit</a>');
    expect(learning.text).toContain('lang="fr" dir="ltr">Les bases</a>');
    const answers = await ctx.db.quizAnswer.findMany({ where: { attempt: { userId: user.id } } });
    expect(answers.map((a) => [a.questionId, a.correct])).toEqual([["q-meaning", true]]);
  });
});

describe("quizzes in another language", () => {
  const check = (agent: Agent, question: string, value: string) =>
    agent
      .post(`${QUIZ}/questions/${question}`)
      .set("Origin", ORIGIN)
      .set("Accept-Language", "fr")
      .type("form")
      .send({ attempt: "1", [`q.${question}`]: value });
  const graded = async (userId: string, question: string) =>
    (await ctx.db.quizAnswer.findFirstOrThrow({ where: { questionId: question, attempt: { userId } } })).correct;

  it("grades a French learner's decimal comma (0,5) as right", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const res = await check(agent, "q-share", "0,5").expect(200);
    expect(res.text).toContain("La moitié, 0,5.");
    expect(await graded(user.id, "q-share")).toBe(true);
  });

  it("grades short answers against the accepted answers of the language shown", async () => {
    const french = await createUser(ctx);
    await check(await signedInAgent(ctx, french), "q-name", "Réduction des méfaits").expect(200);
    expect(await graded(french.id, "q-name")).toBe(true);

    const english = await createUser(ctx);
    const agent = await signedInAgent(ctx, english);
    await agent
      .post(`${QUIZ}/questions/q-name`)
      .set("Origin", ORIGIN)
      .set("Accept-Language", "en")
      .type("form")
      .send({ attempt: "1", "q.q-name": "réduction des risques" })
      .expect(200);
    expect(await graded(english.id, "q-name")).toBe(false);
  });

  it("accepts an Arabic answer typed without the shadda of the accepted spelling", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    await agent
      .post(`${QUIZ}/questions/q-name`)
      .set("Origin", ORIGIN)
      .set("Accept-Language", "ar")
      .type("form")
      .send({ attempt: "1", "q.q-name": "الحد من الضرر" })
      .expect(200);
    expect(await graded(user.id, "q-name")).toBe(true);
  });
});
