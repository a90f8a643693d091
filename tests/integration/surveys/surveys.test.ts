// Evaluation surveys: anonymous (no user id with the answers), one answer per learner,
// and results only in aggregate from five responses up, for trainers and admins.
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createUser, databaseSnapshot, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";

// Each test gets its own database: counts and "already answered" never depend on test order.
let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const SURVEY = "/courses/fixture-course/survey";
const MODULE_SURVEY = "/courses/fixture-course/basics/survey";

describe("answering a survey", () => {
  it("stores the answers without the learner's id, and the fact of answering without the answers", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    const form = await agent.get(SURVEY).expect(200);
    expect(form.text).toContain("This survey is anonymous");
    expect(form.text).toContain("Strongly agree");
    await agent
      .post(SURVEY)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ "a.useful": "4", "a.comments": "Clear and useful." })
      .expect(303)
      .expect("Location", "/courses/fixture-course?notice=survey-sent");
    const responses = await ctx.db.$queryRawUnsafe<Record<string, unknown>[]>('SELECT * FROM "SurveyResponse"');
    expect(responses).toHaveLength(1);
    // The cohort (if any) lets trainers see their cohort's results in aggregate; never a person.
    expect(Object.keys(responses[0]!).sort()).toEqual([
      "answers",
      "cohortId",
      "courseId",
      "id",
      "moduleId",
      "surveyId",
    ]);
    expect(responses[0]!.cohortId).toBeNull();
    expect(JSON.stringify(responses)).not.toContain(user.id);
    expect(JSON.parse(responses[0]!.answers as string)).toEqual({ useful: 4, comments: "Clear and useful." });
    const participation = await ctx.db.$queryRawUnsafe<Record<string, unknown>[]>(
      'SELECT * FROM "SurveyParticipation"',
    );
    expect(participation).toEqual([{ userId: user.id, courseId: "fixture-course", surveyId: "fixture-course-survey" }]);
    // Neither table keeps an insertion-ordered rowid that could link the two.
    const sql = await ctx.db.$queryRawUnsafe<{ sql: string }[]>(
      "SELECT sql FROM sqlite_master WHERE name IN ('SurveyResponse', 'SurveyParticipation')",
    );
    for (const { sql: ddl } of sql) expect(ddl).toMatch(/WITHOUT ROWID/);
  });

  it("accepts one answer per learner", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    await agent.post(MODULE_SURVEY).set("Origin", ORIGIN).type("form").send({ "a.clear": "5" }).expect(303);
    expect((await agent.get(MODULE_SURVEY)).text).toContain("You have answered this survey.");
    const before = await databaseSnapshot(ctx);
    const again = await agent
      .post(MODULE_SURVEY)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ "a.clear": "1" })
      .expect(409);
    expect(again.text).toContain("You have already answered this survey.");
    expect(await databaseSnapshot(ctx)).toBe(before);
  });

  it("refuses values off the scale, an empty survey, or a very long answer, storing nothing", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    const before = await databaseSnapshot(ctx);
    expect(
      (await agent.post(SURVEY).set("Origin", ORIGIN).type("form").send({ "a.useful": "9" }).expect(422)).text,
    ).toContain("This value is not valid.");
    expect((await agent.post(SURVEY).set("Origin", ORIGIN).type("form").send({}).expect(422)).text).toContain(
      "Answer at least one question before sending.",
    );
    expect(
      (
        await agent
          .post(SURVEY)
          .set("Origin", ORIGIN)
          .type("form")
          .send({ "a.comments": "x".repeat(2001) })
          .expect(422)
      ).text,
    ).toContain("under 2,000 characters");
    expect(await databaseSnapshot(ctx)).toBe(before);
  });
});

describe("survey results", () => {
  it("are hidden below five responses and shown in aggregate from five, to trainers and admins only", async () => {
    const trainer = await signedInAgent(ctx, await createUser(ctx, { role: "trainer" }));
    const learner = await signedInAgent(ctx, await createUser(ctx));
    await learner.get(`${MODULE_SURVEY}/results`).expect(403);
    await request(ctx.app).get(`${MODULE_SURVEY}/results`).expect(303);
    for (const score of ["5", "4", "5", "3"]) {
      await (await signedInAgent(ctx, await createUser(ctx)))
        .post(MODULE_SURVEY)
        .set("Origin", ORIGIN)
        .type("form")
        .send({ "a.clear": score })
        .expect(303);
    }
    const hidden = await trainer.get(`${MODULE_SURVEY}/results`).expect(200);
    expect(hidden.text).toContain("4 responses");
    expect(hidden.text).toContain("Results are shown once at least 5 people have answered");
    expect(hidden.text).not.toContain("Average");
    await (await signedInAgent(ctx, await createUser(ctx)))
      .post(MODULE_SURVEY)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ "a.clear": "5" })
      .expect(303);
    const shown = await trainer.get(`${MODULE_SURVEY}/results`).expect(200);
    expect(shown.text).toContain("5 responses");
    // 5, 4, 5, 3, 5 → mean 4.4; counts by option 0,0,1,1,3.
    expect(shown.text).toContain("<td>0</td><td>0</td><td>1</td><td>1</td><td>3</td><td>4.4</td>");
  });
});
