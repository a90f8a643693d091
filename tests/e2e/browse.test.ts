// A learner opens the catalog and follows links down to a lesson, in Chromium; axe-core
// finds no WCAG 2.2 AA violations on the catalog, course, module and lesson pages.
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, type ServedContext, startBrowserTests, stopBrowserTests } from "../helpers/browser.js";

let ctx: ServedContext;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  ({ ctx, browser } = await startBrowserTests());
  context = await browser.newContext();
});
afterAll(async () => {
  await context?.close();
  await stopBrowserTests({ ctx, browser });
});

describe("browsing the catalog in Chromium", () => {
  it("follows links from the catalog to a lesson, with no accessibility violations on the way", async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));

    await page.goto(`${ctx.baseUrl}/`);
    expect(await page.title()).toContain("Courses");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Fixture course" }).click();
    await expect.poll(() => page.url()).toBe(`${ctx.baseUrl}/courses/fixture-course`);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "The basics" }).click();
    await expect.poll(() => page.url()).toBe(`${ctx.baseUrl}/courses/fixture-course/basics`);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "The first lesson" }).click();
    await expect.poll(() => page.url()).toBe(`${ctx.baseUrl}/courses/fixture-course/basics/first-lesson`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("The first lesson");
    expect(await page.evaluate(() => "htmx" in globalThis)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: /Next:/ }).click();
    await expect.poll(() => page.url()).toBe(`${ctx.baseUrl}/courses/fixture-course/basics/second-lesson`);

    // Nothing was requested from another origin.
    expect(requests.filter((u) => !u.startsWith(ctx.baseUrl))).toEqual([]);
  });

  it("works with JavaScript turned off: catalog to lesson, the table of contents, next lesson", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(`${ctx.baseUrl}/`);
      await page.getByRole("link", { name: "Fixture course" }).click();
      await page.waitForURL(`${ctx.baseUrl}/courses/fixture-course`);
      await page.getByRole("link", { name: "The basics" }).click();
      await page.waitForURL(`${ctx.baseUrl}/courses/fixture-course/basics`);
      await page.getByRole("link", { name: "The first lesson" }).click();
      await page.waitForURL(`${ctx.baseUrl}/courses/fixture-course/basics/first-lesson`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("The first lesson");
      // The page really runs without scripts: htmx never loaded.
      expect(await page.evaluate(() => "htmx" in globalThis)).toBe(false);

      expect(await page.getByRole("navigation", { name: "On this page" }).count()).toBe(1);
      await page.getByRole("link", { name: "Two", exact: true }).click();
      await page.waitForURL(`${ctx.baseUrl}/courses/fixture-course/basics/first-lesson#two`);

      await page.getByRole("link", { name: /Next:/ }).click();
      await page.waitForURL(`${ctx.baseUrl}/courses/fixture-course/basics/second-lesson`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("The second lesson");
    } finally {
      await noJs.close();
    }
  });
});
