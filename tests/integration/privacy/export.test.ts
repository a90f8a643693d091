// /account/export: one ZIP with everything Sendero holds about the person, and nothing
// about anyone else.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { addMembers } from "../../helpers/orgs.js";
import { createEveryFeatureLearner, downloadExport, type EveryFeatureLearner, readZip } from "../../helpers/privacy.js";

let ctx: TestContext;
let learner: EveryFeatureLearner;
const NEIGHBOUR_TEXT = "Neighbour's private reflection, never in anyone else's export.";

beforeAll(async () => {
  ctx = await createTestContext();
  learner = await createEveryFeatureLearner(ctx, "exp1");
  // Someone in the same cohort, with their own private data.
  const neighbour = await createUser(ctx, { displayName: "Neighbour Nobody", email: "neighbour@mail.example" });
  await addMembers(ctx, learner.org.cohort, [neighbour]);
  const agent = await signedInAgent(ctx, neighbour);
  await agent
    .post("/courses/fixture-course/basics/exercise")
    .set("Origin", ORIGIN)
    .type("form")
    .send({ text: NEIGHBOUR_TEXT })
    .expect(303);
}, 120_000);
afterAll(() => ctx.close());

describe("exporting my data", () => {
  it("is one ZIP download with a readable page, a JSON file and each certificate's files", async () => {
    const res = await downloadExport(learner.agent).expect(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="?my-data-\d{4}-\d{2}-\d{2}\.zip"?$/);
    expect(res.headers["cache-control"]).toBe("no-store");
    const files = readZip(ctx.dir, res.body as Buffer);
    const code = learner.certificateCode.replace(/-/g, "").toLowerCase();
    expect([...files.keys()].sort()).toEqual(
      [
        "my-data.html",
        "my-data.json",
        `certificates/certificate-${code}.pdf`,
        `certificates/certificate-${code}.json`,
      ].sort(),
    );
    expect(files.get(`certificates/certificate-${code}.pdf`)!.subarray(0, 5).toString()).toBe("%PDF-");
    const credential = JSON.parse(files.get(`certificates/certificate-${code}.json`)!.toString("utf8"));
    expect(JSON.stringify(credential)).toContain(learner.values.certificateName);
    console.log(`export of a learner who used every feature: ${(res.body as Buffer).length} bytes`);
  });

  it("holds every kind of data about the person, in the JSON and on the page", async () => {
    const files = readZip(ctx.dir, (await downloadExport(learner.agent).expect(200)).body as Buffer);
    const json = JSON.parse(files.get("my-data.json")!.toString("utf8"));
    const { values } = learner;
    expect(json.format).toBe("sendero-personal-data/1");
    expect(json.profile).toMatchObject({
      username: values.username,
      email: values.email,
      displayName: values.displayName,
      certificateName: values.certificateName,
    });
    expect(json.profile.recoveryCodes.unused).toBe(10);
    expect(json.profile.passwordResetRequests).toHaveLength(1);
    expect(json.sessions).toHaveLength(2);
    expect(json.sessions.map((s: { browser: string }) => s.browser)).toContain("Firefox|Android");
    expect(json.enrolments).toEqual([expect.objectContaining({ courseId: "fixture-course" })]);
    expect(json.lessonProgress).toHaveLength(3);
    const [attempt] = json.quizAttempts;
    expect(attempt).toMatchObject({ quizId: "basics-quiz", number: 1, passed: true });
    expect(attempt.answers).toContainEqual(
      expect.objectContaining({
        questionId: "short",
        answer: values.shortAnswer,
        response: { type: "short_text", text: values.shortAnswer },
        correct: false,
      }),
    );
    expect(attempt.answers.find((a: { questionId: string }) => a.questionId === "short").question).toBe(
      "Name the capital of Portugal.",
    );
    expect(json.exercises).toEqual([expect.objectContaining({ text: values.exerciseText })]);
    expect(json.surveysAnswered).toHaveLength(2);
    expect(json.certificates).toEqual([expect.objectContaining({ recipientName: values.certificateName })]);
    expect(json.cohorts).toEqual([expect.objectContaining({ organisation: "Org learnexp1", via: "code" })]);
    expect(json.staff.organisations).toEqual([
      { organisation: "Org staffexp1", role: "trainer", since: expect.any(String) },
    ]);
    expect(json.staff.trainerOf).toEqual([expect.objectContaining({ cohort: "Cohort of staffexp1" })]);
    expect(json.invitations.cohortPlaces).toEqual([expect.objectContaining({ name: values.pendingName })]);
    expect(json.invitations.staff).toEqual([
      expect.objectContaining({ organisation: "Org learnexp1", role: "trainer" }),
    ]);

    const html = files.get("my-data.html")!.toString("utf8");
    expect(html).toMatch(/^<!doctype html>/);
    for (const value of [values.username, values.email, values.displayName, values.shortAnswer, "Org staffexp1"])
      expect(html).toContain(value);
    expect(html).toContain("harm reduction saved my brother.");
    expect(html).toContain("Name the capital of Portugal.");
    // The quiz's answer key is course content, not the learner's: it stays out.
    expect(JSON.stringify(json)).not.toContain("Lisboa");
  });

  it("holds nothing about other people, and no secrets", async () => {
    const files = readZip(ctx.dir, (await downloadExport(learner.agent).expect(200)).body as Buffer);
    const text = [...files.values()].map((b) => b.toString("latin1")).join("\n");
    for (const other of [
      NEIGHBOUR_TEXT,
      "Neighbour Nobody",
      "neighbour@mail.example",
      "Admin of learnexp1",
      "Trainer of staffexp1",
      "admin@learnexp1.example",
      "Anonymous comment",
    ])
      expect(text).not.toContain(other);
    const json = files.get("my-data.json")!.toString("utf8");
    for (const secret of ["passwordHash", "secretHash", "codeHash", "tokenHash", "$argon2", "invitation-hash-exp1"])
      expect(json).not.toContain(secret);
    expect(json).not.toContain(learner.recoveryCode);
  });

  it("can be downloaded ten times an hour, then says when to try again", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    for (let i = 0; i < 10; i++) await downloadExport(agent).expect(200);
    const refused = await agent.get("/account/export").expect(429);
    expect(refused.text).toContain("Too many attempts");
    expect(refused.headers["retry-after"]).toMatch(/^\d+$/);
  });

  it("is for the signed-in person only", async () => {
    const res = await request(ctx.app).get("/account/export").expect(303);
    expect(res.headers.location).toBe("/login?next=%2Faccount%2Fexport");
  });

  it("is linked from the account page, in a section of its own", async () => {
    const page = await learner.agent.get("/account").expect(200);
    expect(page.text).toContain("Your data");
    expect(page.text).toContain('href="/account/export"');
    expect(page.text).toContain('href="/account/delete"');
  });
});
