// The interface in French, Arabic (right to left) and Russian in Chromium: the browser's
// language is followed, pages pass axe (WCAG 2.2 AA), and Arabic pages mirror.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLocale } from "../../src/i18n/i18n.js";
import { axeViolations, type ServedContext, startBrowserTests, stopBrowserTests } from "../helpers/browser.js";

let ctx: ServedContext;
let browser: Browser;
beforeAll(async () => ({ ctx, browser } = await startBrowserTests()));
afterAll(() => stopBrowserTests({ ctx, browser }));

const PAGES = [
  "/",
  "/courses/fixture-course",
  "/courses/fixture-course/basics/first-lesson",
  "/courses/fixture-course/basics/quiz",
  "/login",
  "/register",
  "/verify",
];

describe("languages in Chromium", () => {
  it.each(["fr", "ar", "ru"])(
    "%s: every page is in the language and passes axe",
    async (code) => {
      const page = await (await browser.newContext({ locale: code })).newPage();
      for (const path of PAGES) {
        await page.goto(`${ctx.baseUrl}${path}`);
        expect(await page.getAttribute("html", "lang"), path).toBe(code);
        expect(await page.getAttribute("html", "dir"), path).toBe(code === "ar" ? "rtl" : "ltr");
        expect(await page.getByRole("link", { name: getLocale(code).t("nav.courses") }).count(), path).toBeGreaterThan(
          0,
        );
        expect(await axeViolations(page), `${code} ${path}`).toEqual([]);
      }
    },
    60_000,
  );

  it("mirrors Arabic pages: the brand sits on the right, text starts on the right", async () => {
    const page = await (await browser.newContext({ locale: "ar", viewport: { width: 1000, height: 800 } })).newPage();
    await page.goto(`${ctx.baseUrl}/courses/fixture-course/basics/first-lesson`);
    const brand = (await page.locator(".brand").boundingBox())!;
    expect(brand.x).toBeGreaterThan(500);
    const heading = (await page.locator("h1").boundingBox())!;
    expect(heading.x + heading.width).toBeGreaterThan(700);
  });
});
