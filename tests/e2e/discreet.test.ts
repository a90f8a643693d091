// Discretion in Chromium (issue 11 §3): Quick exit by click or Escape ×3 leaves for the
// neutral site and Back does not return; without JavaScript it is still a working link.
// Discreet tab titles, and nothing left in the browser's storage.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, PASSWORD } from "../helpers/accounts.js";
import { axeViolations, type ServedContext, startBrowserTests, stopBrowserTests } from "../helpers/browser.js";

// The page's globals used in page.evaluate (the project compiles without the DOM library).
declare const document: {
  activeElement: { className: string; hasAttribute(name: string): boolean } | null;
  body: { scrollHeight: number };
  cookie: string;
};
declare const window: { scrollTo(x: number, y: number): void };
declare const history: { length: number };
declare const location: { pathname: string };
declare const localStorage: { length: number };
declare const sessionStorage: { length: number };
declare const indexedDB: { databases(): Promise<unknown[]> };
declare const caches: { keys(): Promise<unknown[]> };

const NEUTRAL_PATH = "/neutral-weather";
const NEUTRAL_PAGE = '<!doctype html><html lang="en"><title>Weather</title><h1>Sunny</h1></html>';
const LESSON = "/courses/fixture-course/basics/first-lesson";

let ctx: ServedContext;
let browser: Browser;

beforeAll(
  async () =>
    ({ ctx, browser } = await startBrowserTests(
      {},
      { env: (baseUrl) => ({ QUICK_EXIT_URL: `${baseUrl}${NEUTRAL_PATH}` }), pages: { [NEUTRAL_PATH]: NEUTRAL_PAGE } },
    )),
);
afterAll(() => stopBrowserTests({ ctx, browser }));

/** The catalog, then a lesson: two entries in this tab's history. */
async function openLessonAfterCatalog(page: Page): Promise<void> {
  await page.goto(`${ctx.baseUrl}/`);
  await page.getByRole("link", { name: "Fixture course" }).click();
  await expect.poll(() => page.url()).toBe(`${ctx.baseUrl}/courses/fixture-course`);
  await page.goto(`${ctx.baseUrl}${LESSON}`);
}

async function expectOnNeutralSite(page: Page): Promise<void> {
  await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(`${ctx.baseUrl}${NEUTRAL_PATH}`);
  await expect.poll(() => page.title()).toBe("Weather");
}

describe("Quick exit with JavaScript", () => {
  it("is visible and the second stop in the tab order, right after the skip link", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ctx.baseUrl}${LESSON}`);
    const exit = page.getByRole("link", { name: "Quick exit" });
    expect(await exit.isVisible()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-quick-exit"))).toBe(true);
    // Still in view after scrolling to the end of a long page.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const box = await exit.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height).toBe(true);
    await context.close();
  });

  it("leaves on one click, and Back goes to the page before, not to the lesson", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openLessonAfterCatalog(page);
    const historyLength = await page.evaluate(() => history.length);
    await page.getByRole("link", { name: "Quick exit" }).click();
    await expectOnNeutralSite(page);
    expect(await page.evaluate(() => history.length)).toBe(historyLength); // replaced, not added
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${ctx.baseUrl}/courses/fixture-course`);
    await context.close();
  });

  it("leaves when Escape is pressed three times, wherever the focus is, replacing the history entry", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openLessonAfterCatalog(page);
    await page.getByRole("heading", { level: 1 }).click();
    for (let i = 0; i < 3; i++) await page.keyboard.press("Escape");
    await expectOnNeutralSite(page);
    await page.goBack();
    await expect.poll(() => page.url()).toBe(`${ctx.baseUrl}/courses/fixture-course`);
    await context.close();
  });

  it("does not leave on Escape presses far apart (two, a pause, then one)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${ctx.baseUrl}${LESSON}`);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await page.clock.fastForward(5_000);
    await page.keyboard.press("Escape");
    // Had it counted three, location.replace would have navigated: the page would be gone.
    await page.getByRole("link", { name: "Quick exit" }).focus();
    expect(await page.evaluate(() => location.pathname)).toBe(LESSON);
    // Two more quick presses make three in a row.
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expectOnNeutralSite(page);
    await context.close();
  });
});

describe("Quick exit without JavaScript", () => {
  it("is a plain link to the neutral site", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${ctx.baseUrl}${LESSON}`);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expectOnNeutralSite(page);
    await context.close();
  });
});

describe("discreet titles and browser storage", () => {
  it("a signed-in learner's tabs name no course, and nothing is kept in browser storage", async () => {
    const user = await createUser(ctx);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ctx.baseUrl}/login`);
    await page.getByLabel("Username or email address").fill(user.username);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.url()).not.toContain("/login");
    await page.goto(`${ctx.baseUrl}${LESSON}`);
    expect(await page.title()).toBe("Lesson 1 · Learning · Sendero");
    // An htmx swap (lesson done) keeps the neutral title.
    await page.getByRole("button", { name: "Mark as complete" }).click();
    await expect.poll(() => page.locator("#lesson-completion.is-done").count()).toBe(1);
    expect(await page.title()).toBe("Lesson 1 · Learning · Sendero");
    await page.goto(`${ctx.baseUrl}/courses/fixture-course/basics`);
    expect(await page.title()).toBe("Module 1 · Learning · Sendero");

    const storage = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      scriptCookies: document.cookie,
    }));
    expect(storage).toEqual({ local: 0, session: 0, databases: 0, caches: 0, scriptCookies: "" });
    for (const cookie of await context.cookies()) expect(cookie.httpOnly, cookie.name).toBe(true);

    // The setting on /account, accessible in every language.
    for (const lang of ["en", "fr", "ar", "ru"]) {
      await context.addCookies([{ name: "lang", value: lang, url: ctx.baseUrl }]);
      await page.goto(`${ctx.baseUrl}/account`);
      expect(await page.locator("#discreet-title").count()).toBe(1);
      expect(await axeViolations(page), lang).toEqual([]);
    }
    await context.close();
  }, 120_000);

  it("an anonymous visitor turns discreet titles on for this device from the footer", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${ctx.baseUrl}${LESSON}`);
    expect(await page.title()).toBe("The first lesson · Sendero");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Use discreet titles" }).click();
    await expect.poll(() => page.title()).toBe("Lesson 1 · Learning · Sendero");
    expect(new URL(page.url()).pathname).toBe(LESSON);
    await page.goto(`${ctx.baseUrl}/courses/fixture-course`);
    expect(await page.title()).toBe("Course · Learning · Sendero");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Show course titles" }).click();
    await expect.poll(() => page.title()).toBe("Fixture course · Sendero");
    await context.close();
  }, 60_000);
});
