// /account/delete: a confirmation page, then the person and everything about them erased
// in one transaction — certificates revoked without a name, anonymous survey answers kept,
// organisations told only that a learner left. And every way it can be refused.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPersonalExport } from "../../../src/privacy/export-data.js";
import { PRIVACY_REGISTRY } from "../../../src/privacy/registry.js";
import { createUser, databaseSnapshot, ORIGIN, PASSWORD, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { addMembers } from "../../helpers/orgs.js";
import { createEveryFeatureLearner, downloadExport } from "../../helpers/privacy.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

type Agent = Awaited<ReturnType<typeof signedInAgent>>;
const erase = (agent: Agent, form: Record<string, string>) =>
  agent.post("/account/delete").set("Origin", ORIGIN).type("form").send(form);

/** Rows in every table the registry says are the person's, found by id or by address. */
async function rowsOfPerson(id: string, email: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [model, declaration] of Object.entries(PRIVACY_REGISTRY)) {
    if (!declaration.personKey) continue;
    const value = declaration.personKey === "email" ? email : id;
    const [row] = await ctx.db.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS n FROM "${model}" WHERE "${declaration.personKey}" = ?`,
      value,
    );
    counts[model] = Number(row!.n);
  }
  return counts;
}

describe("deleting my account", () => {
  it("shows what will happen, then erases everything about a learner who used every feature", async () => {
    const learner = await createEveryFeatureLearner(ctx, "er1");
    const neighbour = await createUser(ctx, { displayName: "Neighbour Stays" });
    await addMembers(ctx, learner.org.cohort, [neighbour]);
    const attemptIds = (await ctx.db.quizAttempt.findMany({ where: { userId: learner.user.id } })).map((a) => a.id);
    expect(attemptIds).toHaveLength(1);
    const before = await rowsOfPerson(learner.user.id, learner.values.email);
    expect(Object.values(before).every((n) => n > 0)).toBe(true);
    const surveyAnswers = await ctx.db.surveyResponse.count();

    const page = await learner.agent.get("/account/delete").expect(200);
    expect(page.text).toContain("Deleting your account erases it for good.");
    expect(page.text).toContain("Your 1 certificate is revoked");
    expect(page.text).toContain("You leave 2 groups and organisations.");
    expect(page.text).toContain("Your survey answers were anonymous and stay so");

    const res = await erase(learner.agent, { currentPassword: PASSWORD }).expect(303);
    expect(res.headers.location).toBe("/?notice=account-erased");
    expect(String(res.headers["set-cookie"])).toMatch(/session=;/);
    expect((await request(ctx.app).get("/?notice=account-erased")).text).toContain("Your account has been deleted");

    const after = await rowsOfPerson(learner.user.id, learner.values.email);
    expect(after).toEqual(Object.fromEntries(Object.keys(before).map((model) => [model, 0])));
    expect(await ctx.db.quizAnswer.count({ where: { attemptId: { in: attemptIds } } })).toBe(0);
    expect(await ctx.db.surveyResponse.count()).toBe(surveyAnswers);
    expect(await ctx.db.cohortMember.count({ where: { userId: neighbour.id } })).toBe(1);
    // The old session cookie opens nothing any more.
    expect((await learner.agent.get("/account").expect(303)).headers.location).toBe("/login?next=%2Faccount");
  });

  it("revokes the certificates: verification says revoked, never the name, and the files are gone", async () => {
    const learner = await createEveryFeatureLearner(ctx, "er2");
    const verified = await request(ctx.app).get(`/verify/${learner.certificateCode}`).expect(200);
    expect(verified.text).toContain(learner.values.certificateName);
    await erase(learner.agent, { currentPassword: PASSWORD }).expect(303);

    const res = await request(ctx.app).get(`/verify/${learner.certificateCode}`).expect(200);
    expect(res.text).toContain("Revoked certificate");
    expect(res.text).toContain("It is no longer valid.");
    expect(res.text).not.toContain(learner.values.certificateName);
    expect(res.text).not.toContain("Zoraida");
    await request(ctx.app).get(`/certificates/${learner.certificateCode}.pdf`).expect(404);
    await request(ctx.app).get(`/certificates/${learner.certificateCode}.json`).expect(404);
    const tombstone = await ctx.db.certificate.findFirstOrThrow({
      where: { courseTitle: "Fixture course", userId: null },
    });
    expect(tombstone).toMatchObject({ recipientName: "", credential: "", revokedReason: "account erased" });
    expect(tombstone.revokedAt).toBeInstanceOf(Date);
    expect(tombstone.pdf).toHaveLength(0);
  });

  it("tells the organisation that a learner left, never who", async () => {
    const learner = await createEveryFeatureLearner(ctx, "er3");
    const admin = await signedInAgent(ctx, learner.org.admin);
    expect((await admin.get(learner.org.url).expect(200)).text).not.toContain("Learners who left");
    await erase(learner.agent, { currentPassword: PASSWORD }).expect(303);
    const dashboard = await admin.get(learner.org.url).expect(200);
    expect(dashboard.text).toMatch(/Learners who left<\/dt><dd>1<\/dd>/);
    for (const value of Object.values(learner.values)) expect(dashboard.text).not.toContain(value);
  });

  it("works with a recovery code instead of the password", async () => {
    const learner = await createEveryFeatureLearner(ctx, "er4");
    const before = await databaseSnapshot(ctx);
    const wrong = await erase(learner.agent, { recoveryCode: "aaaa-bbbb-cccc-dddd" }).expect(422);
    expect(wrong.text).toContain("This recovery code is not right");
    expect(await databaseSnapshot(ctx)).toBe(before);
    await erase(learner.agent, { recoveryCode: learner.recoveryCode.toUpperCase() }).expect(303);
    expect(await ctx.db.user.count({ where: { id: learner.user.id } })).toBe(0);
  });
});

describe("refusals", () => {
  it("a wrong password says so next to the field and erases nothing", async () => {
    const user = await createUser(ctx, { email: "wrong@mail.example" });
    const agent = await signedInAgent(ctx, user);
    const before = await databaseSnapshot(ctx);
    const res = await erase(agent, { currentPassword: "not my password" }).expect(422);
    expect(res.text).toContain("Your current password is not right.");
    expect(res.text).toContain("Delete your account");
    expect(await databaseSnapshot(ctx)).toBe(before);
  });

  it("no password and no code asks for one, and erases nothing", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    const before = await databaseSnapshot(ctx);
    const res = await erase(agent, { currentPassword: "", recoveryCode: " " }).expect(422);
    expect(res.text).toContain("Enter your current password, or a recovery code, to confirm it is you.");
    expect(await databaseSnapshot(ctx)).toBe(before);
  });

  it("repeated wrong passwords are rate-limited like sign-in: then even the right one waits", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    for (let i = 0; i < 5; i++) await erase(agent, { currentPassword: `guess ${i}` }).expect(422);
    const blocked = await erase(agent, { currentPassword: PASSWORD }).expect(429);
    expect(blocked.text).toContain("Too many attempts");
    expect(blocked.headers["retry-after"]).toMatch(/^\d+$/);
    expect(await ctx.db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("an export after the account was erased (it raced the erasure) gets a clear 410, never half the data", async () => {
    const learner = await createEveryFeatureLearner(ctx, "er5");
    const second = await signedInAgent(ctx, learner.user);
    const [erased, exported] = await Promise.all([
      erase(learner.agent, { currentPassword: PASSWORD }),
      downloadExport(second),
    ]);
    expect(erased.status).toBe(303);
    // Whichever came first: the whole export, or none of it.
    if (exported.status === 200) expect(String(exported.headers["content-type"])).toBe("application/zip");
    else expect([303, 410]).toContain(exported.status);
    await expect(collectPersonalExport(ctx.deps, learner.user.id)).rejects.toMatchObject({
      status: 410,
      messageKey: "privacy.gone",
    });
  });
});

describe("the last platform admin", () => {
  let own: TestContext;
  beforeAll(async () => {
    own = await createTestContext();
  });
  afterAll(() => own.close());

  it("is told before asking for a password, refused clearly, and erased once another admin exists", async () => {
    const admin = await createUser(own, { role: "admin" });
    const agent = await signedInAgent(own, admin);
    const page = await agent.get("/account/delete").expect(200);
    expect(page.text).toContain("You are the only administrator of this site");
    expect(page.text).not.toContain('action="/account/delete"');
    const before = await databaseSnapshot(own);
    const refused = await agent
      .post("/account/delete")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ currentPassword: PASSWORD })
      .expect(409);
    expect(refused.text).toContain("You are the only administrator of this site");
    expect(await databaseSnapshot(own)).toBe(before);

    await createUser(own, { role: "admin" });
    await agent
      .post("/account/delete")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ currentPassword: PASSWORD })
      .expect(303);
    expect(await own.db.user.count({ where: { id: admin.id } })).toBe(0);
  });
});
