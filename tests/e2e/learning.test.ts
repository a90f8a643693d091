// A learner completes a module with the keyboard only — with JavaScript and without —
// and the quiz page has no accessibility violations before or after feedback.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, PASSWORD } from "../helpers/accounts.js";
import { axeViolations, type ServedContext, startBrowserTests, stopBrowserTests } from "../helpers/browser.js";

// Functions passed to page.evaluate run in the browser; these are the page globals they use
// (kept local rather than adding the DOM library to the server's type checking).
type PageElement = {
  id: string;
  tagName: string;
  textContent: string | null;
  value?: string;
  getAttribute(name: string): string | null;
};
declare const document: { activeElement: PageElement | null; querySelector(selector: string): PageElement | null };
type HTMLInputElement = PageElement;

let ctx: ServedContext;
let browser: Browser;
beforeAll(async () => ({ ctx, browser } = await startBrowserTests()));
afterAll(() => stopBrowserTests({ ctx, browser }));

/** Tab until the focused element matches, then press a key. Only the keyboard is used. */
type Focused = { tag: string; text: string; label: string; type: string; value: string; name: string };

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLInputElement | null;
    const label = a?.id ? (document.querySelector(`label[for="${a.id}"]`)?.textContent ?? "") : "";
    return {
      tag: a?.tagName.toLowerCase() ?? "",
      text: (a?.textContent ?? "").trim(),
      label: label.trim(),
      type: a?.getAttribute("type") ?? "",
      value: a?.value ?? "",
      name: a?.getAttribute("name") ?? "",
    };
  });

async function tabTo(page: Page, matches: (el: Focused) => boolean, limit = 120): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (matches(await focused(page))) return;
  }
  throw new Error("never reached the element by tabbing");
}

/** A radio group is one tab stop; the arrow keys move (and select) within it. */
async function chooseRadio(page: Page, name: string, label: string): Promise<void> {
  await tabTo(page, (e) => e.type === "radio" && e.name === name);
  for (let i = 0; i < 10; i++) {
    if ((await focused(page)).label === label) {
      await page.keyboard.press("Space");
      return;
    }
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no radio labelled ${label}`);
}

describe.each([
  ["with JavaScript", true],
  ["without JavaScript", false],
])("completing a module by keyboard %s", (_label, javaScriptEnabled) => {
  it("signs in, marks both lessons complete, answers the quiz and finishes it", async () => {
    const user = await createUser(ctx, { username: `keys-${javaScriptEnabled}` });
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const a11y = async () => (javaScriptEnabled ? axeViolations(page) : []);

    await page.goto(`${ctx.baseUrl}/login`);
    await tabTo(page, (e) => e.label === "Username or email address");
    await page.keyboard.type(user.username);
    await tabTo(page, (e) => e.type === "password");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${ctx.baseUrl}/`);

    for (const lesson of ["first-lesson", "second-lesson"]) {
      await page.goto(`${ctx.baseUrl}/courses/fixture-course/basics/${lesson}`);
      await tabTo(page, (e) => e.tag === "button" && e.text === "Mark as complete");
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.locator("#lesson-completion").textContent())
        .toContain("You have completed this lesson.");
      if (javaScriptEnabled) {
        // Swapped in place: focus stays on the toggle, and the news is announced.
        expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Mark as not complete");
        expect(await page.locator("#announcer").textContent()).toBe("Lesson marked as complete.");
      }
    }
    expect(await page.locator("#module-progress").textContent()).toContain("2 of 2 lessons done");

    await page.goto(`${ctx.baseUrl}/courses/fixture-course/basics/quiz`);
    expect(await a11y()).toEqual([]);
    // Question 1: choose "Right answer" with the keyboard and check it.
    await chooseRadio(page, "q.single", "Right answer");
    await tabTo(page, (e) => e.tag === "button" && e.text.startsWith("Check answer"));
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#q-single .result-status").textContent()).toBe("Correct.");
    if (javaScriptEnabled) {
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("q-single-result");
      expect(await page.locator("#announcer").textContent()).toBe("Question 1: Correct.");
    }
    expect(await a11y()).toEqual([]);

    // Question 4: a short answer, then finish the attempt from the keyboard.
    await tabTo(page, (e) => e.label === "Your answer" && e.type === "text");
    await page.keyboard.type("Lisbon");
    await tabTo(page, (e) => e.tag === "button" && e.text === "Finish and see my score");
    await page.keyboard.press("Enter");
    // Five questions are unanswered: the learner is asked first, focus on the question.
    await expect.poll(() => page.locator("#confirm-finish h2").textContent()).toBe("Finish with unanswered questions?");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("confirm-finish");
    expect(await page.locator("#confirm-finish").textContent()).toContain("5 questions have no answer yet");
    expect(await a11y()).toEqual([]);
    await tabTo(page, (e) => e.tag === "button" && e.text === "Finish anyway");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".result-summary").textContent()).toContain("Your score:");
    expect(await page.locator(".result-summary").textContent()).toContain("not passed yet");
    expect(await a11y()).toEqual([]);

    // Not passed: a second attempt with everything right completes the module.
    await page.goto(`${ctx.baseUrl}/courses/fixture-course/basics/quiz`);
    await chooseRadio(page, "q.single", "Right answer");
    for (const label of ["A", "B"]) {
      await tabTo(page, (e) => e.type === "checkbox" && e.label === label);
      await page.keyboard.press("Space");
    }
    await chooseRadio(page, "q.tf", "False");
    await tabTo(page, (e) => e.label === "Your answer" && e.type === "text");
    await page.keyboard.type("Lisbon");
    await tabTo(page, (e) => e.label.startsWith("Your answer") && e.value === "");
    await page.keyboard.type("2001");
    for (const [label, value] of [
      ["Portugal", "Lisbon"],
      ["Spain", "Madrid"],
      ["One", "Position 1"],
      ["Two", "Position 2"],
      ["Three", "Position 3"],
    ]) {
      await tabTo(page, (e) => e.tag === "select" && e.label === label);
      await page.keyboard.type(value!);
    }
    await tabTo(page, (e) => e.tag === "button" && e.text === "Finish and see my score");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".result-summary").textContent()).toContain("Your score: 100%");
    await page.goto(`${ctx.baseUrl}/courses/fixture-course/basics`);
    expect(await page.locator(".module-status").first().textContent()).toContain("Complete");
    await context.close();
  });
});

describe("marking a lesson complete without JavaScript on a phone", () => {
  it("comes back with the completion control in view, not at the top of the page", async () => {
    const user = await createUser(ctx, { username: "phone-nojs" });
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${ctx.baseUrl}/login`);
    await page.fill("input[name=identifier]", user.username);
    await page.fill("input[name=password]", PASSWORD);
    await page.press("input[name=password]", "Enter");
    await page.waitForURL(`${ctx.baseUrl}/`);

    await page.goto(`${ctx.baseUrl}/courses/fixture-course/basics/first-lesson`);
    const layout = () =>
      page.evaluate(() => {
        const w = globalThis as unknown as {
          scrollY: number;
          innerHeight: number;
          document: { documentElement: { scrollHeight: number } };
        };
        const box = (
          document.querySelector("#lesson-completion") as unknown as {
            getBoundingClientRect(): { top: number; bottom: number };
          }
        ).getBoundingClientRect();
        const bar = (
          document.querySelector(".quick-exit") as unknown as { getBoundingClientRect(): { bottom: number } }
        ).getBoundingClientRect();
        return {
          scrollY: w.scrollY,
          pageHeight: w.document.documentElement.scrollHeight,
          viewport: w.innerHeight,
          top: box.top,
          bottom: box.bottom,
          barBottom: bar.bottom,
        };
      });
    // The lesson is longer than the screen, so "back to the top" would hide the control.
    const before = await layout();
    expect(before.pageHeight).toBeGreaterThan(before.viewport * 1.5);
    expect(before.top).toBeGreaterThan(before.viewport);

    await page.locator("#lesson-completion button").click();
    await page.waitForURL(/\?notice=lesson-completed#complete$/);
    await expect
      .poll(() => page.locator("#lesson-completion").textContent())
      .toContain("You have completed this lesson.");
    const after = await layout();
    expect(after.scrollY).toBeGreaterThan(0);
    // Fully in view, and not under the sticky Quick exit bar.
    expect(after.top).toBeGreaterThanOrEqual(after.barBottom);
    expect(after.bottom).toBeLessThanOrEqual(after.viewport);
    await context.close();
  });
});
