// Certificates in each interface language: labels translated, Arabic shaped right to left,
// every PDF within the size limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLocale, SUPPORTED_LOCALES } from "../../../src/i18n/i18n.js";
import { createUser, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { completeFixtureCourse } from "../../helpers/learning.js";
import { binaryBody, pdfText } from "../../helpers/pdf.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("certificates in every language", () => {
  it("offers English, French, Arabic and Russian", () => {
    expect([...SUPPORTED_LOCALES].sort()).toEqual(["ar", "en", "fr", "ru"]);
  });

  it.each(["fr", "ru", "ar"])("prints the labels in %s", async (language) => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    await completeFixtureCourse(agent);
    const claimed = await agent
      .post("/courses/fixture-course/certificate")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ name: "Amina Yusuf", language })
      .expect(303);
    const code = /\/certificates\/([A-Z0-9-]+)$/.exec(claimed.headers.location!)![1]!;
    const pdf = await agent
      .get(`/certificates/${code}.pdf`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200)
      .expect("Content-Type", "application/pdf");
    expect((pdf.body as Buffer).length).toBeLessThanOrEqual(200 * 1024);
    const text = pdfText(pdf.body as Buffer).replace(/\s+/g, " ");
    expect(text).toContain("Amina Yusuf");
    expect(text).toContain(code);
    // pdftotext gives shaped Arabic back in logical order (pdfText drops its bidi marks).
    expect(text).toContain(getLocale(language).t("certificate.pdf.presentedTo"));
    expect(text).toContain(getLocale(language).t("certificate.pdf.code"));
  });
});
