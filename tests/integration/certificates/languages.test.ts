// Certificates in each interface language: labels translated, Arabic shaped right to left,
// every PDF within the size limit.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLocale, SUPPORTED_LOCALES } from "../../../src/i18n/i18n.js";
import { createUser, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { completeFixtureCourse } from "../../helpers/learning.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const binary = (res: request.Response, callback: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => callback(null, Buffer.concat(chunks)));
};

function pdfText(bytes: Buffer): string {
  const file = path.join(ctx.dir, `cert-${Math.random()}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).normalize("NFKC").replace(/\s+/g, " ");
}

describe("certificates in every language", () => {
  it("offers English, French, Arabic and Russian", () => {
    expect([...SUPPORTED_LOCALES].sort()).toEqual(["ar", "en", "fr", "ru"]);
  });

  it.each(["fr", "ru", "ar"])("prints the labels in %s", async (language) => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    await completeFixtureCourse(agent);
    const claimed = await agent.post("/courses/fixture-course/certificate").set("Origin", ORIGIN).type("form").send({ name: "Amina Yusuf", language }).expect(303);
    const code = /\/certificates\/([A-Z0-9-]+)$/.exec(claimed.headers.location!)![1]!;
    const pdf = await agent.get(`/certificates/${code}.pdf`).buffer(true).parse(binary).expect(200).expect("Content-Type", "application/pdf");
    expect((pdf.body as Buffer).length).toBeLessThanOrEqual(200 * 1024);
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain("Amina Yusuf");
    expect(text).toContain(code);
    // pdftotext gives shaped Arabic back in logical order, wrapped in bidi embedding marks.
    const label = getLocale(language).t("certificate.pdf.presentedTo").normalize("NFKC");
    expect(text.replace(/[\u202a-\u202e]/g, "")).toContain(label);
    expect(text).toContain(getLocale(language).t("certificate.pdf.code").normalize("NFKC"));
  }, 30_000);
});
