// The cohort dashboard against a seeded cohort whose numbers we know, its CSV export, and
// trainer insight (item statistics and survey results, hidden below five learners).
import type request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, DAY, ORIGIN, signedInAgent, TestClock, type TestUser } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { completeFixtureCourse, RIGHT_BASICS } from "../../helpers/learning.js";
import { addMembers, createTestOrg, type TestOrg } from "../../helpers/orgs.js";

let ctx: TestContext;
const clock = new TestClock();
let org: TestOrg;
let trainer: request.Agent;
const people = new Map<string, TestUser>();

type Agent = Awaited<ReturnType<typeof signedInAgent>>;
const complete = (agent: Agent, module: string, lesson: string) =>
  agent
    .post(`/courses/fixture-course/${module}/${lesson}/complete`)
    .set("Origin", ORIGIN)
    .type("form")
    .send({ done: "true" })
    .expect(303);
const submitBasics = (agent: Agent, answers: Record<string, unknown>) =>
  agent
    .post("/courses/fixture-course/basics/quiz")
    .set("Origin", ORIGIN)
    .type("form")
    .send({ ...RIGHT_BASICS, ...answers, attempt: "1", confirm: "1" } as unknown as Record<string, string>)
    .expect(303);

async function person(name: string): Promise<Agent> {
  const user = await createUser(ctx, { displayName: name });
  people.set(name, user);
  await addMembers(ctx, org.cohort, [user]);
  return signedInAgent(ctx, user);
}

beforeAll(async () => {
  ctx = await createTestContext({ clock });
  org = await createTestOrg(ctx, "dash");
  // Fatima was active only at the start: 8 days ago by the time the dashboard is read.
  const fatima = await person("Fatima");
  await complete(fatima, "basics", "first-lesson");
  clock.advance(8 * DAY);
  // Amina finishes everything with full marks and claims her certificate.
  const amina = await person("Amina");
  await completeFixtureCourse(amina);
  await amina
    .post("/courses/fixture-course/certificate")
    .set("Origin", ORIGIN)
    .type("form")
    .send({ name: "Amina", language: "en" })
    .expect(303);
  // Boris does the first module, two of seven quiz questions wrong (5/7 = 71 %).
  const boris = await person("Boris");
  await complete(boris, "basics", "first-lesson");
  await complete(boris, "basics", "second-lesson");
  await submitBasics(boris, { "q.single": "wrong", "q.tf": "true" });
  // Chloé has read one lesson; Efua only the second module; Dmitri nothing at all.
  await complete(await person("Chloé"), "basics", "first-lesson");
  await complete(await person("Efua"), "advanced", "deep");
  await person("Dmitri");
  trainer = await signedInAgent(ctx, org.trainer);
});
afterAll(() => ctx.close());

const rowOf = (html: string, name: string) => {
  const match = new RegExp(`<tr>\\s*<th scope="row" dir="auto">${name}</th>([\\s\\S]*?)</tr>`).exec(html);
  if (!match) throw new Error(`no row for ${name}`);
  return match[1]!;
};
const statuses = (row: string) => [...row.matchAll(/status-cell status-([a-z-]+)/g)].map((m) => m[1]);
const names = (html: string) => [...html.matchAll(/<th scope="row" dir="auto">([^<]+)<\/th>/g)].map((m) => m[1]);

describe("cohort dashboard", () => {
  it("summarises the cohort: enrolled, active in the last 7 days, completion rate", async () => {
    const res = await trainer.get(org.url).expect(200);
    const stat = (label: string) => new RegExp(`<dt>${label}</dt><dd>([^<]+)`).exec(res.text)?.[1]?.trim();
    expect(stat("Enrolled")).toBe("6");
    expect(stat("Active in the last 7 days")).toBe("4"); // not Fatima (8 days ago), not Dmitri (never)
    expect(stat("Completed the course")).toBe("1");
    expect(stat("Completion rate")).toBe("17%");
  });

  it("shows each learner × module, best scores, lessons, last activity and certificates", async () => {
    const res = await trainer.get(org.url).expect(200);
    expect(names(res.text)).toEqual(["Amina", "Boris", "Chloé", "Dmitri", "Efua", "Fatima"]);
    const amina = rowOf(res.text, "Amina");
    expect(statuses(amina)).toEqual(["complete", "complete"]);
    expect(amina).toContain("100%");
    expect(amina).toContain("3/3");
    expect(amina).not.toContain("—</td>"); // she has a certificate
    const boris = rowOf(res.text, "Boris");
    expect(statuses(boris)).toEqual(["complete", "not-started"]);
    expect(boris).toContain("71%");
    expect(boris).toContain("2/3");
    expect(statuses(rowOf(res.text, "Chloé"))).toEqual(["in-progress", "not-started"]);
    expect(statuses(rowOf(res.text, "Efua"))).toEqual(["not-started", "complete"]);
    const dmitri = rowOf(res.text, "Dmitri");
    expect(statuses(dmitri)).toEqual(["not-started", "not-started"]);
    expect(dmitri).toContain("Not yet");
    // The draft module is not a column.
    expect(res.text).not.toContain("Drafty");
  });

  it("filters, searches and sorts, keeping the other choices in its links", async () => {
    expect(names((await trainer.get(`${org.url}?filter=complete`).expect(200)).text)).toEqual(["Amina"]);
    expect(names((await trainer.get(`${org.url}?filter=not-started`).expect(200)).text)).toEqual(["Dmitri"]);
    expect(names((await trainer.get(`${org.url}?filter=inactive`).expect(200)).text)).toEqual(["Dmitri", "Fatima"]);
    expect(names((await trainer.get(`${org.url}?filter=in-progress`).expect(200)).text)).toEqual([
      "Boris",
      "Chloé",
      "Efua",
      "Fatima",
    ]);
    expect(names((await trainer.get(`${org.url}?q=BOR`).expect(200)).text)).toEqual(["Boris"]);
    const byProgress = await trainer.get(`${org.url}?sort=progress&dir=desc`).expect(200);
    expect(names(byProgress.text)[0]).toBe("Amina");
    expect(names(byProgress.text).at(-1)).toBe("Dmitri");
    expect(byProgress.text).toContain('aria-sort="descending"');
    // Nonsense in the query falls back to defaults rather than failing.
    expect(
      names((await trainer.get(`${org.url}?sort=evil&dir=sideways&page=-3&filter=x`).expect(200)).text),
    ).toHaveLength(6);
    const none = await trainer.get(`${org.url}?q=nobody-by-this-name`).expect(200);
    expect(none.text).toContain("No learners match this search.");
  });

  it("draws the charts as SVG with their figures as tables", async () => {
    const res = await trainer.get(org.url).expect(200);
    expect(res.text).toMatch(
      /<svg[^>]*role="img"[^>]*aria-labelledby="chart-completions-title chart-completions-desc"/,
    );
    expect(res.text).toContain("chart-scores");
    // Score distribution: Amina averages 100 % (90–100 band), Boris 71 % (70–79).
    expect(res.text).toMatch(/<td>90–100%<\/td><td>1<\/td>/);
    expect(res.text).toMatch(/<td>70–79%<\/td><td>1<\/td>/);
  });

  it("exports the same table as CSV, with formula-looking names neutralised", async () => {
    const sly = await createUser(ctx, { displayName: '=HYPERLINK("http://evil")' });
    await addMembers(ctx, org.cohort, [sly]);
    const res = await trainer.get(`${org.url}/export.csv`).expect(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain("dash-dash-cohort.csv");
    const lines = res.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toContain("Learner");
    expect(lines).toHaveLength(1 + 7);
    expect(lines.find((l) => l.startsWith("Boris"))).toMatch(/^Boris,Complete,71,Not started,,2\/3,\d{4}-\d\d-\d\d,$/);
    expect(lines.find((l) => l.includes("HYPERLINK"))).toMatch(/^"'=HYPERLINK\(""http:\/\/evil""\)"/);
    // Filters apply to the export too.
    const filtered = await trainer.get(`${org.url}/export.csv?filter=complete`).expect(200);
    expect(filtered.text.trim().split(/\r\n/)).toHaveLength(2);
  });
});

describe("trainer insight", () => {
  it("hides question statistics and survey results until five learners contributed", async () => {
    const res = await trainer.get(`${org.url}/insight`).expect(200);
    expect(res.text).toContain("Question statistics appear once at least 5 learners have taken this quiz (so far: 2).");
    expect(res.text).toContain("Results are shown once at least 5 people have answered");
  });

  it("once five learners answered, shows what cannot single anyone out and hides the 3/2 splits (hand-computed values are in the unit tests)", async () => {
    // Five learners in a fresh cohort. On "single" and "tf", 3 of 5 are right: the 2 who are
    // not are a small cell (the dashboard names who scored less), so counts and facility hide.
    const other = await createTestOrg(ctx, "insight");
    const answers: Record<string, unknown>[] = [
      { "q.single": "right", "q.tf": "true" },
      { "q.single": "right", "q.tf": "true" },
      { "q.single": "right", "q.tf": "false", "q.multi": ["c"], "q.short": "Paris" },
      { "q.single": "wrong", "q.tf": "false", "q.multi": ["c"], "q.short": "Paris", "q.number": "1999" },
      {
        "q.single": "wrong",
        "q.tf": "false",
        "q.multi": ["c"],
        "q.short": "Paris",
        "q.number": "1999",
        "q.match.pt": "Paris",
      },
    ];
    for (const [i, a] of answers.entries()) {
      const user = await createUser(ctx, { displayName: `Learner ${i}` });
      await addMembers(ctx, other.cohort, [user]);
      const agent = await signedInAgent(ctx, user);
      await submitBasics(agent, a);
      await agent
        .post("/courses/fixture-course/survey")
        .set("Origin", ORIGIN)
        .type("form")
        .send({ "a.useful": String(5 - (i % 2)), "a.comments": `Comment ${i}` })
        .expect(303);
    }
    const agent = await signedInAgent(ctx, other.trainer);
    const res = await agent.get(`${other.url}/insight`).expect(200);
    const question = (id: string) => {
      const m = new RegExp(`id="iq-basics-${id}"[\\s\\S]*?</article>`).exec(res.text);
      if (!m) throw new Error(`no stats for ${id}`);
      return m[0];
    };
    const single = question("single");
    expect(single).toMatch(/<dt>Facility<\/dt><dd>Hidden<\/dd>/);
    expect(single).toMatch(/<dt>Discrimination<\/dt><dd>Hidden<\/dd>/);
    expect(single).toMatch(/Right answer[\s\S]*?<td class="num muted" colspan="2">Hidden<\/td>/);
    expect(single).toMatch(/Wrong answer[\s\S]*?<td class="num muted" colspan="2">Hidden<\/td>/);
    const tf = question("tf");
    expect(tf).toMatch(/<dt>Facility<\/dt><dd>Hidden<\/dd>/);
    expect(tf).not.toContain("Possibly ambiguous");
    // Everyone got "order" right: safe to show, too easy, and no discrimination to compute.
    const order = question("order");
    expect(order).toMatch(/<dt>Facility<\/dt><dd>100%<\/dd>/);
    expect(order).toMatch(/<dt>Discrimination<\/dt><dd>—<\/dd>/);
    expect(order).toContain("Too easy");
    // The course survey, answered by the five: 2 and 3 ratings are small cells, so are hidden
    // with the mean; every comment is unique, so none is shown word for word.
    expect(res.text).not.toContain("Comment 0");
    expect(res.text).toContain("Comments appear only when at least 5 people wrote the same words");
    expect(res.text).toMatch(/<td>0<\/td><td>0<\/td><td>0<\/td><td>Hidden<\/td><td>Hidden<\/td><td>—<\/td>/);
    // The first cohort still sees its own, hidden, results: nothing leaks across cohorts.
    expect((await trainer.get(`${org.url}/insight`).expect(200)).text).not.toContain("Comment 0");
  });
});
