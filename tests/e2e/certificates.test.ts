// The whole certificate journey in Chromium: complete the course, claim the certificate,
// download the PDF, and open the verification URL its QR code carries.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, PASSWORD } from "../helpers/accounts.js";
import { axeViolations, type ServedContext, startBrowserTests, stopBrowserTests } from "../helpers/browser.js";
import { completeFixtureCourse } from "../helpers/learning.js";

let ctx: ServedContext;
let browser: Browser;
beforeAll(async () => ({ ctx, browser } = await startBrowserTests()));
afterAll(() => stopBrowserTests({ ctx, browser }));

describe("certificates in Chromium", () => {
  it("completes the course, claims, downloads the PDF and follows its QR code to a valid verdict", async () => {
    const user = await createUser(ctx, { displayName: "Amina" });
    // The course's progress through HTTP (the learning journey has its own browser test).
    const agent = request.agent(ctx.app);
    await agent
      .post("/login")
      .set("Origin", ctx.baseUrl)
      .type("form")
      .send({ identifier: user.username, password: PASSWORD })
      .expect(303);
    await completeFixtureCourse(agent as never, ctx.baseUrl);

    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${ctx.baseUrl}/login`);
    await page.getByLabel("Username or email address").fill(user.username);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.goto(`${ctx.baseUrl}/courses/fixture-course`);
    await page.getByRole("link", { name: "Claim your certificate" }).click();
    expect(await page.getByLabel("Name to print").inputValue()).toBe("Amina");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Name to print").fill("Amina Yusuf");
    await page.getByRole("button", { name: "Issue my certificate" }).click();
    await expect
      .poll(() => page.locator(".certificate-code").textContent())
      .toMatch(/^([A-KM-Z2-9]{4}-){6}[A-KM-Z2-9]{4}$/);
    expect(await axeViolations(page)).toEqual([]);
    const code = (await page.locator(".certificate-code").textContent())!;

    const response = await page.request.get(`${ctx.baseUrl}/certificates/${code}.pdf`);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const file = path.join(ctx.dir, "downloaded.pdf");
    fs.writeFileSync(file, await response.body());
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("Amina Yusuf");
    // The printed URL under the QR code is the one the code encodes (checked module by module in the unit tests).
    // pdftotext wraps the narrow column under the QR code: join what lies between the labels.
    const url = /Check this certificate at(.*?)Certificate code/.exec(text)?.[1]?.replace(/\s+/g, "");
    expect(url).toBe(`${ctx.env.baseUrl}/verify/${code}`);

    const verifier = await browser.newContext();
    const check = await verifier.newPage();
    await check.goto(url!);
    expect(await check.getByRole("heading", { level: 1 }).textContent()).toBe("Genuine certificate");
    expect(await check.locator(".details").textContent()).toContain("Amina Yusuf");
    expect(await axeViolations(check)).toEqual([]);
    await verifier.close();
    await context.close();
  });
});
