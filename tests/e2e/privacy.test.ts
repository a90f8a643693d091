// "Your data" in Chromium: the export downloads as a ZIP, the account is deleted through
// its confirmation page (with JavaScript and without), and the new pages pass axe in all
// four languages.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, PASSWORD, type TestUser } from "../helpers/accounts.js";
import { axeViolations, type ServedContext, startBrowserTests, stopBrowserTests } from "../helpers/browser.js";

let ctx: ServedContext;
let browser: Browser;

beforeAll(async () => ({ ctx, browser } = await startBrowserTests()));
afterAll(() => stopBrowserTests({ ctx, browser }));

async function signIn(context: BrowserContext, user: TestUser): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${ctx.baseUrl}/login`);
  await page.locator('input[name="identifier"]').fill(user.username);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

describe("your data in Chromium", () => {
  it.each(["en", "fr", "ar", "ru"])("%s: the account's data section and the delete page pass axe", async (code) => {
    const context = await browser.newContext({ locale: code });
    const page = await signIn(context, await createUser(ctx));
    await page.goto(`${ctx.baseUrl}/account`);
    expect(await page.getAttribute("html", "lang")).toBe(code);
    expect(await page.locator('a[href="/account/export"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${ctx.baseUrl}/account/delete`);
    expect(await axeViolations(page)).toEqual([]);
    // The refusal, with its error summary and field message.
    await page.locator('input[name="currentPassword"]').fill("not my password");
    await page.locator('main form[action="/account/delete"] button[type="submit"]').click();
    await expect.poll(() => page.locator(".error-summary").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("downloads the export as a ZIP that unpacks", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await signIn(context, await createUser(ctx, { email: "zip@mail.example" }));
    await page.goto(`${ctx.baseUrl}/account`);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download all my data" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const saved = path.join(ctx.dir, "download.zip");
    await file.saveAs(saved);
    execFileSync("python3", ["-m", "zipfile", "-t", saved]);
    expect(execFileSync("python3", ["-m", "zipfile", "-l", saved], { encoding: "utf8" })).toContain("my-data.html");
    await context.close();
  });

  it.each([
    ["with JavaScript", true],
    ["without JavaScript", false],
  ])("deletes the account through its confirmation page %s", async (_label, javaScriptEnabled) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const user = await createUser(ctx);
    const page = await signIn(context, user);
    await page.goto(`${ctx.baseUrl}/account`);
    await page.getByRole("link", { name: "Delete my account" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Delete your account");
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByRole("button", { name: "Delete my account for good" }).click();
    await expect.poll(() => page.locator(".flash-success").textContent()).toContain("Your account has been deleted");
    expect(await ctx.db.user.count({ where: { id: user.id } })).toBe(0);
    await context.close();
  });
});
