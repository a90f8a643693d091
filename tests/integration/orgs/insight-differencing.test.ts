// Differencing attacks on trainer insight: staff see each learner's module score on the
// dashboard, so any figure in insight that isolates 1–4 learners (or "all but 1–4") can be
// matched to a person. A cohort of six where one learner, Zoe, answers differently: no
// combination of the dashboard, the CSV, insight and their query strings may tell her choice.
import type request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, DAY, ORIGIN, signedInAgent, TestClock, type TestUser } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { RIGHT_BASICS } from "../../helpers/learning.js";
import { addMembers, createTestOrg, type TestOrg } from "../../helpers/orgs.js";

let ctx: TestContext;
let org: TestOrg;
let trainer: request.Agent;
let zoe: request.Agent;
const clock = new TestClock();
const people: TestUser[] = [];

async function learner(name: string, answers: Record<string, unknown>, comment: string) {
  const user = await createUser(ctx, { displayName: name });
  people.push(user);
  await addMembers(ctx, org.cohort, [user]);
  const agent = await signedInAgent(ctx, user);
  await agent
    .post("/courses/fixture-course/basics/quiz")
    .set("Origin", ORIGIN)
    .type("form")
    .send({ ...RIGHT_BASICS, ...answers, attempt: "1", confirm: "1" } as unknown as Record<string, string>)
    .expect(303);
  await agent
    .post("/courses/fixture-course/survey")
    .set("Origin", ORIGIN)
    .type("form")
    .send({ "a.useful": name === "Zoe" ? "1" : "5", "a.comments": comment })
    .expect(303);
  return agent;
}

const question = (html: string, id: string) => {
  const m = new RegExp(`id="iq-basics-${id}"[\\s\\S]*?</article>`).exec(html);
  if (!m) throw new Error(`no statistics for ${id}`);
  return m[0];
};

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  org = await createTestOrg(ctx, "diff");
  // Five learners answer everything right and type "Lisbon"; Zoe picks the wrong option,
  // types "Porto" and rates the course 1. Every comment but the shared one is unique.
  for (const name of ["Ana", "Ben", "Cai", "Dee", "Eli"]) await learner(name, {}, "Clear");
  zoe = await learner("Zoe", { "q.single": "wrong", "q.short": "Porto", "q.multi": ["a"] }, "I am the only nurse here");
  trainer = await signedInAgent(ctx, org.trainer);
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

describe("a cohort of six where one learner answered differently", () => {
  it("the dashboard shows that Zoe scored less than the others (what staff are allowed to see)", async () => {
    const csv = (await trainer.get(`${org.url}/export.csv`).expect(200)).text;
    const zoe = csv.split(/\r\n/).find((line) => line.startsWith("Zoe"));
    const ana = csv.split(/\r\n/).find((line) => line.startsWith("Ana"));
    expect(zoe).not.toContain(",100,");
    expect(ana).toContain(",100,");
  });

  it("insight shows neither the 5 nor the 1 for the option she alone chose, nor a facility that implies them", async () => {
    const html = (await trainer.get(`${org.url}/insight`).expect(200)).text;
    const single = question(html, "single");
    expect(single).not.toMatch(/<td class="num">[1-5]<\/td>/);
    expect(single).toMatch(/<dt>Facility<\/dt><dd>Hidden<\/dd>/);
    expect(single).not.toMatch(/83%|17%/);
    expect(single).toContain("Hidden");
    // Multiple choice: "b" chosen by 5 of 6 is "all but one" — hidden; "a" by all 6 is shown.
    const multi = question(html, "multi");
    expect(multi).toMatch(/<td class="num">6<\/td><td class="num">100%<\/td>/);
    expect(multi).not.toMatch(/<td class="num">5<\/td>/);
    // A question everyone got right is safe to show in full.
    expect(question(html, "tf")).toMatch(/<dt>Facility<\/dt><dd>100%<\/dd>/);
  });

  it("shows a typed answer only when at least five learners gave it", async () => {
    const html = (await trainer.get(`${org.url}/insight`).expect(200)).text;
    const short = question(html, "short");
    expect(short).toContain("lisbon");
    expect(short.toLowerCase()).not.toContain("porto");
    expect(short).toContain("Other answers, each given by fewer than 5 learners");
  });

  it("hides the rating only Zoe gave, the mean that would betray it, and the comment only she wrote", async () => {
    const html = (await trainer.get(`${org.url}/insight`).expect(200)).text;
    expect(html).not.toContain("only nurse");
    expect(html).toContain("Comments appear only when at least 5 people wrote the same words");
    expect(html).toContain("Clear");
    const ratings = /<tbody><tr>(<td>[^<]*<\/td>){6}<\/tr><\/tbody>/.exec(html)?.[0] ?? "";
    expect(ratings).toBe(
      "<tbody><tr><td>Hidden</td><td>0</td><td>0</td><td>0</td><td>Hidden</td><td>—</td></tr></tbody>",
    );
  });

  it("no query string narrows insight: searching or filtering for Zoe returns the same page", async () => {
    const plain = (await trainer.get(`${org.url}/insight`).expect(200)).text;
    for (const query of ["q=Zoe", "filter=in-progress&q=zo", "q=Ana&filter=complete", "page=2&sort=name"]) {
      expect((await trainer.get(`${org.url}/insight?${query}`).expect(200)).text).toBe(plain);
    }
  });

  it("the promise on /account says what holds, including what it does not protect against", async () => {
    const html = (await zoe.get("/account").expect(200)).text;
    expect(html).toContain("every count in them is 0 or at least 5 people");
    expect(html).toContain("typed answers appear only when at least 5 people gave the same one");
    expect(html).toContain("compares them just before and just after your attempt");
  });

  it("a second cohort of the same learners minus Zoe shows nothing of them: there is nothing to subtract", async () => {
    const before = (await trainer.get(`${org.url}/insight`).expect(200)).text;
    clock.advance(DAY);
    const copy = await createTestOrg(ctx, "diff-copy");
    await addMembers(ctx, copy.cohort, people.slice(0, 5) /* everyone but Zoe, who joined last */);
    const other = await signedInAgent(ctx, copy.trainer);
    const html = (await other.get(`${copy.url}/insight`).expect(200)).text;
    expect(html).toContain("Question statistics appear once at least 5 learners have taken this quiz (so far: 0).");
    // The first cohort's figures are unchanged: its members still count there.
    const after = (await trainer.get(`${org.url}/insight`).expect(200)).text;
    expect(question(after, "multi")).toBe(question(before, "multi"));
    expect(question(after, "short")).toBe(question(before, "short"));
  });
});
