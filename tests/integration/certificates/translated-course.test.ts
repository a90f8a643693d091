// Certificates of a translated course: the PDF prints the course's title in the
// certificate's language; the signed credential names the achievement in every language.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { binaryBody, pdfText } from "../../helpers/pdf.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ courses: path.resolve("tests/fixtures/courses/translated") });
});
afterAll(() => ctx.close());

const COURSE = "/courses/translated-course";
type Agent = Awaited<ReturnType<typeof signedInAgent>>;

async function completeCourse(agent: Agent): Promise<void> {
  for (const lesson of ["first-lesson", "second-lesson"])
    await agent
      .post(`${COURSE}/basics/${lesson}/complete`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ done: "true" })
      .expect(303);
  await agent
    .post(`${COURSE}/basics/quiz`)
    .set("Origin", ORIGIN)
    .type("form")
    .send({ attempt: "1", "q.q-meaning": "reduce", "q.q-name": "harm reduction", "q.q-share": "0.5" })
    .expect(303);
}

describe("a certificate for a course in several languages", () => {
  it("prints French titles on a French certificate and signs the name in every translated language", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    await completeCourse(agent);
    const claimed = await agent
      .post(`${COURSE}/certificate`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ name: "Amina Yusuf", language: "fr" })
      .expect(303);
    const code = /\/certificates\/([A-Z0-9-]+)$/.exec(claimed.headers.location!)![1]!;

    const pdf = await agent.get(`/certificates/${code}.pdf`).buffer(true).parse(binaryBody).expect(200);
    const text = pdfText(pdf.body as Buffer).replace(/\s+/g, " ");
    expect(text).toContain("Cours traduit");
    expect(text).not.toContain("Translated course");

    const credential = (await agent.get(`/certificates/${code}.json`).expect(200)).body;
    expect(credential.name).toBe("Cours traduit");
    expect(credential.credentialSubject.achievement).toMatchObject({
      name: "Cours traduit",
      inLanguage: "fr",
      // Russian is declared but not translated yet: it is left out rather than repeated in English.
      nameMap: { en: "Translated course", fr: "Cours traduit", ar: "دورة مترجمة" },
    });
    expect(Object.keys(credential.credentialSubject.achievement.descriptionMap)).toEqual(["en", "fr", "ar"]);
    const verdict = await agent.get(`/certificates/${code}`).expect(200);
    expect(verdict.text).toContain("Cours traduit");
  }, 60_000);
});
