// Registering, signing out and back in, in Chromium — with JavaScript and without.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, type ServedContext, startBrowserTests, stopBrowserTests } from "../helpers/browser.js";

let ctx: ServedContext;
let browser: Browser;

beforeAll(async () => ({ ctx, browser } = await startBrowserTests()));
afterAll(() => stopBrowserTests({ ctx, browser }));

describe.each([
  ["with JavaScript", true],
  ["without JavaScript", false],
])("accounts in Chromium %s", (_label, javaScriptEnabled) => {
  const username = `learner-${javaScriptEnabled ? "js" : "nojs"}`;

  it("registers without an email, keeps the recovery codes, signs out and signs in again", async () => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    // axe needs JavaScript in the page; the markup is the same either way.
    const a11y = async () => (javaScriptEnabled ? axeViolations(page) : []);
    await page.goto(`${ctx.baseUrl}/courses/fixture-course`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Create account" }).click();
    expect(await a11y()).toEqual([]);

    // A mistake first: errors appear next to the fields, and what was typed stays.
    await page.getByLabel("Display name").fill("Amina");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password", { exact: true }).fill("pass");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.locator(".error-summary").textContent()).toContain("Use at least 8 characters");
    expect(await page.getByLabel("Username").inputValue()).toBe(username);
    expect(await page.getByLabel("Password", { exact: true }).inputValue()).toBe("");
    expect(await a11y()).toEqual([]);

    if (javaScriptEnabled) {
      // The progressive "Show password" toggle.
      await page.getByLabel("Password", { exact: true }).fill("mountain river lantern");
      await page.getByLabel("Show password").check();
      expect(await page.getByLabel("Password", { exact: true }).getAttribute("type")).toBe("text");
    } else {
      expect(await page.getByLabel("Show password").count()).toBe(0);
      await page.getByLabel("Password", { exact: true }).fill("mountain river lantern");
    }
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Your recovery codes");
    expect(await page.locator(".recovery-codes li").count()).toBe(10);
    expect(await a11y()).toEqual([]);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download as a text file" }).click();
    expect((await download).suggestedFilename()).toBe("recovery-codes.txt");

    await page.getByRole("link", { name: /I have saved my codes/ }).click();
    await page.getByRole("link", { name: "Account" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Your account");
    expect(await a11y()).toEqual([]);

    await page.getByRole("button", { name: "Sign out", exact: true }).first().click();
    await expect.poll(() => page.locator(".flash").textContent()).toContain("You have signed out.");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Username or email address").fill(username);
    await page.getByLabel("Password", { exact: true }).fill("mountain river lantern");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByRole("link", { name: "Account" }).count()).toBe(1);
    await context.close();
  });
});
