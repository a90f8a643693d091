// Files that leave the platform (issue 11 §3): the certificate PDF and the credential file
// have neutral names and metadata, and the public verification page names the course only
// when its holder says so — the signed credential still does, as the holder shares it on purpose.
import { PDFDocument } from "pdf-lib";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { completeBasics, completeFixtureCourse } from "../../helpers/learning.js";
import { binaryBody, pdfText } from "../../helpers/pdf.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

type Agent = Awaited<ReturnType<typeof signedInAgent>>;
const COURSE_WORDS = ["Fixture", "fixture", "The basics", "basics"];

async function claimed(path: string, complete: (agent: Agent) => Promise<void>) {
  const agent = await signedInAgent(ctx, await createUser(ctx));
  await complete(agent);
  const res = await agent
    .post(path)
    .set("Origin", ORIGIN)
    .type("form")
    .send({ name: "Amina Yusuf", language: "en", lookupAllowed: "yes" })
    .expect(303);
  return { agent, code: /^\/certificates\/([A-Z0-9-]+)$/.exec(res.headers.location!)![1]! };
}

describe.each([
  ["course certificate", "/courses/fixture-course/certificate", completeFixtureCourse],
  ["module badge", "/courses/fixture-course/basics/badge", completeBasics],
])("a %s", (_kind, claimPath, complete) => {
  it("downloads under names and metadata that say nothing about the course", async () => {
    const { agent, code } = await claimed(claimPath, complete);
    const pdf = await agent.get(`/certificates/${code}.pdf`).buffer(true).parse(binaryBody).expect(200);
    expect(pdf.headers["content-disposition"]).toBe(`inline; filename="certificate-${code}.pdf"`);
    expect(pdf.headers["cache-control"]).toBe("no-store");
    const doc = await PDFDocument.load(pdf.body as Buffer, { updateMetadata: false });
    const metadata = [doc.getTitle(), doc.getSubject(), doc.getKeywords(), doc.getAuthor(), doc.getCreator()];
    expect(doc.getTitle()).toBe(`Certificate code ${code}`);
    expect(doc.getSubject()).toBeUndefined();
    expect(doc.getKeywords()).toBeUndefined();
    for (const word of [...COURSE_WORDS, "Amina"]) expect(metadata.join(" ")).not.toContain(word);
    // The printed certificate itself of course names the course: it is what it certifies.
    expect(pdfText(pdf.body as Buffer)).toContain("Fixture course");

    const json = await agent.get(`/certificates/${code}.json`).expect(200);
    expect(json.headers["content-disposition"]).toBe(`attachment; filename="credential-${code}.json"`);
    expect(json.text).toContain("Fixture course"); // signed, shared on purpose
  });

  it("is verified publicly without naming the course, unless its holder chooses to", async () => {
    const { agent, code } = await claimed(claimPath, complete);
    const hidden = await request(ctx.app).get(`/verify/${code}`).expect(200);
    expect(hidden.text).toContain("Genuine certificate");
    expect(hidden.text).toContain("Amina Yusuf");
    expect(hidden.text).toContain("Not shown here, at the holder&#39;s request.");
    for (const word of COURSE_WORDS) expect(hidden.text.replace(/<head>[\s\S]*<\/head>/, "")).not.toContain(word);

    const owner = await agent.get(`/certificates/${code}`).expect(200);
    expect(owner.text).toContain("The public verification page does not name the course");
    const shown = await agent
      .post(`/certificates/${code}/show-course`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ show: "yes" })
      .expect(303);
    expect(shown.headers.location).toBe(`/certificates/${code}?notice=course-shown`);
    expect((await agent.get(shown.headers.location!).expect(200)).text).toContain(
      "The public verification page now names the course.",
    );
    expect((await request(ctx.app).get(`/verify/${code}`).expect(200)).text).toContain("Fixture course");

    await agent.post(`/certificates/${code}/show-course`).set("Origin", ORIGIN).type("form").send({ show: "no" });
    expect((await request(ctx.app).get(`/verify/${code}`).expect(200)).text).not.toContain("Fixture course");
  });
});

describe("choosing what the verification page shows", () => {
  it("belongs to the holder alone: anyone else is told the certificate does not exist, and nothing changes", async () => {
    const { code } = await claimed("/courses/fixture-course/certificate", completeFixtureCourse);
    const stranger = await signedInAgent(ctx, await createUser(ctx));
    await stranger
      .post(`/certificates/${code}/show-course`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ show: "yes" })
      .expect(404);
    await request(ctx.app)
      .post(`/certificates/${code}/show-course`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ show: "yes" })
      .expect(303)
      .expect("Location", /^\/login/);
    await stranger
      .post("/certificates/NOT-A-CODE/show-course")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ show: "yes" })
      .expect(404);
    const row = await ctx.db.certificate.findFirstOrThrow({ where: { code: code.replace(/-/g, "").toLowerCase() } });
    expect(row.showCourse).toBe(false);
  });
});

describe("certificates issued before neutral metadata", () => {
  it("get it on their first download, stored once, with the printed page unchanged", async () => {
    const { agent, code } = await claimed("/courses/fixture-course/certificate", completeFixtureCourse);
    const key = code.replace(/-/g, "").toLowerCase();
    // Make it look like one issued before: the course as Subject, achievement and name as Title.
    const legacy = await PDFDocument.load((await ctx.db.certificate.findUniqueOrThrow({ where: { code: key } })).pdf, {
      updateMetadata: false,
    });
    legacy.setTitle("Fixture course — Amina Yusuf");
    legacy.setSubject("Fixture course");
    legacy.setKeywords(["fixture-course"]);
    await ctx.db.certificate.update({ where: { code: key }, data: { pdf: Buffer.from(await legacy.save()) } });

    const first = await agent.get(`/certificates/${code}.pdf`).buffer(true).parse(binaryBody).expect(200);
    const doc = await PDFDocument.load(first.body as Buffer, { updateMetadata: false });
    expect([doc.getTitle(), doc.getSubject(), doc.getKeywords()]).toEqual([
      `Certificate code ${code}`,
      undefined,
      undefined,
    ]);
    expect(pdfText(first.body as Buffer)).toContain("Fixture course");
    expect(pdfText(first.body as Buffer)).toContain("Amina Yusuf");
    const stored = Buffer.from((await ctx.db.certificate.findUniqueOrThrow({ where: { code: key } })).pdf);
    expect(stored.equals(first.body as Buffer)).toBe(true);
    const second = await request(ctx.app).get(`/certificates/${code}.pdf`).buffer(true).parse(binaryBody).expect(200);
    expect((second.body as Buffer).equals(stored)).toBe(true);
  });
});
