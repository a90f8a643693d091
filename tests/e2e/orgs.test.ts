// Organisations in Chromium: an admin creates a cohort and an invite link; a newcomer
// follows the link, registers and joins; another learner types the join code; the trainer
// reads the dashboard and insight. Every page is checked with axe (WCAG 2.2 AA).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCohort, createInviteLink } from "../../src/orgs/cohort-service.js";
import { createUser, PASSWORD, type TestUser } from "../helpers/accounts.js";
import { axeViolations, type ServedContext, startBrowserTests, stopBrowserTests } from "../helpers/browser.js";
import { addMembers, createTestOrg, type TestOrg } from "../helpers/orgs.js";

let ctx: ServedContext;
let browser: Browser;
let org: TestOrg;

beforeAll(async () => {
  ({ ctx, browser } = await startBrowserTests());
  org = await createTestOrg(ctx, "kyiv");
});
afterAll(() => stopBrowserTests({ ctx, browser }));

async function signIn(user: TestUser, javaScript = true): Promise<Page> {
  const page = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
  await page.goto(`${ctx.baseUrl}/login`);
  await page.getByLabel("Username or email address").fill(user.username);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

/** A cohort of its own for each test, so no test depends on another having run. */
function newCohort(slug: string, name: string) {
  return createCohort(ctx.deps, org.org, {
    name,
    slug,
    courseId: "fixture-course",
    startsOn: null,
    endsOn: null,
    capacity: null,
    trainerIds: [org.trainer.id],
  });
}

describe("organisations in Chromium", () => {
  it("an admin creates a cohort and an invite link", async () => {
    const page = await signIn(org.admin);
    await page.goto(`${ctx.baseUrl}/orgs/kyiv`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Cohort name").fill("Outreach workers 2027");
    await page.getByLabel("Short name for the web address").fill("outreach-2027");
    await page.getByLabel("Capacity").fill("40");
    await page.getByRole("checkbox", { name: /Trainer of kyiv/ }).check();
    await page.getByRole("button", { name: "Create cohort" }).click();
    await page.waitForURL(/\/orgs\/kyiv\/cohorts\/outreach-2027\/settings/);
    expect(await page.getByRole("status").first().textContent()).toContain("The cohort has been created.");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Works for (days)").fill("10");
    await page.getByRole("button", { name: "Create invite link" }).click();
    const inviteLink = await page.getByLabel("Invite link", { exact: true }).inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${ctx.baseUrl}/join/[a-z0-9]{32}$`));
    expect(await axeViolations(page)).toEqual([]);
  });

  it("a newcomer follows the invite link, registers, and joins the cohort (without JavaScript too)", async () => {
    const cohort = await newCohort("newcomers-2027", "Newcomers 2027");
    const inviteLink = await createInviteLink(ctx.deps, cohort, { days: 10, maxUses: null });
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(inviteLink);
    expect(await page.locator("h1").textContent()).toBe("Join a group");
    expect(await page.locator(".lead").textContent()).toContain(
      'Org kyiv invites you to join the group "Newcomers 2027".',
    );
    // (axe needs JavaScript: the same page is checked in a normal browser below.)
    await page.getByRole("main").getByRole("link", { name: "Create account" }).click();
    await page.getByLabel("Display name").fill("Newcomer");
    await page.getByLabel("Username", { exact: true }).fill("newcomer");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    // The new account's recovery codes first, then back to the invitation, now signed in.
    await page.getByRole("link", { name: "I have saved my codes — continue" }).click();
    await page.waitForURL(inviteLink);
    await page.getByRole("button", { name: "Join the group" }).click();
    await page.waitForURL(/\/courses\/fixture-course\?notice=cohort-joined/);
    expect(await page.getByRole("status").first().textContent()).toContain("You have joined the cohort.");
    await page.goto(`${ctx.baseUrl}/account`);
    expect(await page.locator("#cohorts-title").textContent()).toBe("Organisations that can see your progress");
    expect(await page.getByText("Newcomers 2027").count()).toBeGreaterThan(0);
    const joined = await ctx.db.cohortMember.findMany({ where: { cohortId: cohort.id }, include: { user: true } });
    expect(joined.map((m) => m.user.username)).toEqual(["newcomer"]);
  });

  it("the invitation page passes axe", async () => {
    const cohort = await newCohort("axe-2027", "Checked 2027");
    const page = await (await browser.newContext()).newPage();
    await page.goto(await createInviteLink(ctx.deps, cohort, { days: 10, maxUses: null }));
    expect(await page.locator("h1").textContent()).toBe("Join a group");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("a learner types the join code; the trainer sees both on the dashboard and opens insight", async () => {
    const cohort = await newCohort("codes-2027", "Code typists 2027");
    await addMembers(ctx, cohort, [await createUser(ctx, { displayName: "Member Already" })]);
    const learner = await createUser(ctx, { displayName: "Code Typist" });
    const page = await signIn(learner);
    await page.goto(`${ctx.baseUrl}/join`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Join code").fill("nope-nope");
    await page.getByRole("button", { name: "Join the group" }).click();
    expect(await page.locator(".error-summary").textContent()).toContain("No group has this code.");
    await page.getByLabel("Join code").fill(`${cohort.joinCode.slice(0, 4).toLowerCase()}-${cohort.joinCode.slice(4)}`);
    await page.getByRole("button", { name: "Join the group" }).click();
    await page.waitForURL(/notice=cohort-joined/);

    const trainer = await signIn(org.trainer);
    await trainer.goto(`${ctx.baseUrl}/orgs/kyiv/cohorts/codes-2027`);
    expect(await trainer.locator("table.progress-table tbody th").allTextContents()).toEqual([
      "Code Typist",
      "Member Already",
    ]);
    expect(await axeViolations(trainer)).toEqual([]);
    await trainer.getByLabel("Search by name").fill("code");
    await trainer.getByRole("button", { name: "Apply" }).click();
    expect(await trainer.locator("table.progress-table tbody th").allTextContents()).toEqual(["Code Typist"]);
    await trainer.getByRole("link", { name: "Question statistics and feedback" }).click();
    expect(await trainer.locator("h1").textContent()).toBe("Question statistics and feedback");
    expect(await trainer.getByText("Question statistics appear once at least 5 learners").count()).toBeGreaterThan(0);
    expect(await axeViolations(trainer)).toEqual([]);
  });
});
