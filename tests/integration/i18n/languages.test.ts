// The interface in English, French, Arabic and Russian: chosen from the browser, the
// switcher (a cookie) or the account's preference; Arabic is laid out right to left.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLocale } from "../../../src/i18n/i18n.js";
import { createUser, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const nav = (code: string) => getLocale(code).t("nav.courses");

describe("interface languages", () => {
  it.each([
    ["fr-CA,fr;q=0.9,en;q=0.5", "fr", "ltr"],
    ["ar-EG,ar;q=0.9", "ar", "rtl"],
    ["ru,en;q=0.5", "ru", "ltr"],
    ["de-DE,de;q=0.9", "en", "ltr"],
  ])("follows the browser (%s → %s, %s)", async (header, code, dir) => {
    const res = await request(ctx.app)
      .get("/courses/fixture-course/basics/first-lesson")
      .set("Accept-Language", header)
      .expect(200);
    expect(res.text).toContain(`<html lang="${code}" dir="${dir}"`);
    expect(res.text).toContain(`>${nav(code)}<`);
    expect(res.headers.vary).toMatch(/Accept-Language/);
  });

  it("remembers the switcher's choice on this device, over the browser's", async () => {
    const agent = request.agent(ctx.app);
    await agent
      .post("/language")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ lang: "ar", return: "/courses/fixture-course" })
      .expect(303)
      .expect("Location", "/courses/fixture-course");
    const res = await agent.get("/courses/fixture-course").set("Accept-Language", "fr").expect(200);
    expect(res.text).toContain('<html lang="ar" dir="rtl"');
  });

  it("refuses unknown languages and never redirects off the site", async () => {
    const res = await request(ctx.app)
      .post("/language")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ lang: "xx", return: "/" })
      .expect(400);
    expect(res.text).toContain("That language is not available.");
    await request(ctx.app)
      .post("/language")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ lang: "fr", return: "//evil.example/" })
      .expect(303)
      .expect("Location", "/");
  });

  it("uses a signed-in person's saved preference on every device, over the browser's", async () => {
    const user = await createUser(ctx, { displayName: "Olga" });
    await (await signedInAgent(ctx, user))
      .post("/account/profile")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ displayName: "Olga", locale: "ru" })
      .expect(303);
    // Another device: no language cookie, a French browser.
    const page = await (await signedInAgent(ctx, user)).get("/account").set("Accept-Language", "fr").expect(200);
    expect(page.text).toContain('<html lang="ru" dir="ltr"');
  });
});

describe("course content in another language than the interface", () => {
  it("is marked with its language, so screen readers switch voice (WCAG 3.1.2)", async () => {
    const res = await request(ctx.app)
      .get("/courses/fixture-course/basics/first-lesson")
      .set("Accept-Language", "ar")
      .expect(200);
    expect(res.text).toContain('<html lang="ar" dir="rtl"');
    expect(res.text).toMatch(/<h1 lang="en" dir="ltr">/);
    expect(res.text).toMatch(/<div class="prose" lang="en" dir="ltr">/);
    expect(res.text).toMatch(/<span aria-current="page" lang="en" dir="ltr">/);
    // In the course's own language nothing extra is added.
    const english = await request(ctx.app).get("/courses/fixture-course/basics/first-lesson").expect(200);
    expect(english.text.split('lang="en" dir="ltr"')).toHaveLength(2); // only on <html>
  });
});
