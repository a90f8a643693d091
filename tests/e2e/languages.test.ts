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
  it.each(["fr", "ar", "ru"])("%s: every page is in the language and passes axe", async (code) => {
    const page = await (await browser.newContext({ locale: code })).newPage();
    for (const path of PAGES) {
      await page.goto(`${ctx.baseUrl}${path}`);
      expect(await page.getAttribute("html", "lang"), path).toBe(code);
      expect(await page.getAttribute("html", "dir"), path).toBe(code === "ar" ? "rtl" : "ltr");
      expect(await page.getByRole("link", { name: getLocale(code).t("nav.courses") }).count(), path).toBeGreaterThan(0);
      expect(await axeViolations(page), `${code} ${path}`).toEqual([]);
    }
  });

  it("mirrors Arabic pages: the brand and the Arabic breadcrumb start on the right; English ones on the left", async () => {
    const positions = async (locale: string) => {
      const page = await (await browser.newContext({ locale, viewport: { width: 1000, height: 800 } })).newPage();
      await page.goto(`${ctx.baseUrl}/courses/fixture-course/basics/first-lesson`);
      const crumb = page.locator(".breadcrumbs li").first();
      const box = (await crumb.boundingBox())!;
      const brand = (await page.locator(".brand").boundingBox())!;
      return { text: (await crumb.textContent())!.trim(), crumbLeft: box.x, crumbRight: box.x + box.width, brand };
    };
    const arabic = await positions("ar");
    expect(arabic.text).toMatch(/^[\u0600-\u06FF\s]+$/); // the interface's own Arabic words
    expect(arabic.crumbRight).toBeGreaterThan(800);
    expect(arabic.brand.x).toBeGreaterThan(500);
    const english = await positions("en");
    expect(english.text).toMatch(/^[A-Za-z\s]+$/);
    expect(english.crumbLeft).toBeLessThan(200);
    expect(english.brand.x).toBeLessThan(500);
  });
});
