// Organisations from creation to cohorts: a platform admin creates an organisation and
// invites its first admin; the admin invites a trainer and creates a cohort; learners join
// by invite link or join code (with every way a link can stop working), see who can see
// their progress, and leave. Organisation admins revoke certificates of their cohorts.
import request from "supertest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createUser, DAY, mailText, ORIGIN, readOutbox, signedInAgent, TestClock } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { completeFixtureCourse } from "../../helpers/learning.js";
import { addMembers, createTestOrg } from "../../helpers/orgs.js";

// Each test gets its own database and clock, so none depends on what ran before it.
let ctx: TestContext;
let clock: TestClock;

beforeEach(async () => {
  clock = new TestClock();
  ctx = await createTestContext({ clock });
});
afterEach(() => ctx.close());

const post = (agent: request.Agent, url: string, form: Record<string, unknown> = {}) =>
  agent.post(url).set("Origin", ORIGIN).type("form").send(form);
const linkIn = (html: string, id: string) =>
  new RegExp(`id="${id}" type="text" readonly value="([^"]+)"`).exec(html)?.[1];

describe("creating an organisation and its team", () => {
  it("a platform admin creates an organisation and invites its first admin by email", async () => {
    const root = await signedInAgent(ctx, await createUser(ctx, { role: "admin" }));
    const created = await post(root, "/admin/orgs", {
      name: "Harm Reduction Kyiv",
      slug: "HR-Kyiv",
      description: "A network of services.",
    }).expect(303);
    expect(created.headers.location).toBe("/orgs/hr-kyiv?notice=org-created");
    const invited = await post(root, "/orgs/hr-kyiv/invitations", { role: "admin", email: "olena@example.org" }).expect(
      200,
    );
    expect(invited.text).toContain("The invitation has been sent to olena@example.org");
    const link = linkIn(invited.text, "invitation-link")!;
    await expect.poll(() => readOutbox(ctx).some((m) => mailText(m).includes(link))).toBe(true);

    const olena = await createUser(ctx, { email: "olena@example.org" });
    const agent = await signedInAgent(ctx, olena);
    const path = new URL(link).pathname;
    expect((await agent.get(path).expect(200)).text).toContain(
      "Harm Reduction Kyiv invites you to join its team as organisation admin.",
    );
    await post(agent, path).expect(303).expect("Location", "/orgs/hr-kyiv?notice=invitation-accepted");
    expect((await agent.get("/orgs/hr-kyiv").expect(200)).text).toContain("Create a cohort");
    // The link works once.
    const again = await post(await signedInAgent(ctx, await createUser(ctx)), path).expect(410);
    expect(again.text).toContain("This invitation has already been used.");
  });

  it("refuses bad organisation details with clear messages, storing nothing", async () => {
    const root = await signedInAgent(ctx, await createUser(ctx, { role: "admin" }));
    await createTestOrg(ctx, "hr-kyiv");
    const before = await ctx.db.organisation.count();
    const cases: [Record<string, string>, string][] = [
      [{ name: "X", slug: "ok-slug" }, "Enter a name of at least 2 characters."],
      [{ name: "Fine name", slug: "no spaces!" }, "Use 2 to 40 lowercase letters"],
      [{ name: "Fine name", slug: "new" }, "This short name is reserved."],
      [{ name: "Fine name", slug: "hr-kyiv" }, "Another organisation already uses this short name."],
    ];
    for (const [form, message] of cases)
      expect((await post(root, "/admin/orgs", form).expect(422)).text).toContain(message);
    expect(await ctx.db.organisation.count()).toBe(before);
  });

  it("keeps at least one admin, and lets an admin withdraw invitations", async () => {
    const org = await createTestOrg(ctx, "lastadmin");
    const admin = await signedInAgent(ctx, org.admin);
    const res = await post(admin, `/orgs/lastadmin/staff/${org.admin.id}/remove`).expect(409);
    expect(res.text).toContain("An organisation needs at least one admin.");
    const invited = await post(admin, "/orgs/lastadmin/invitations", { role: "trainer", email: "" }).expect(200);
    expect(invited.text).toContain("Send this one-time link");
    const hash = /invitations\/([0-9a-f]{64})\/revoke/.exec(invited.text)![1]!;
    await post(admin, `/orgs/lastadmin/invitations/${hash}/revoke`).expect(303);
    const path = new URL(linkIn(invited.text, "invitation-link")!).pathname;
    expect((await (await signedInAgent(ctx, await createUser(ctx))).get(path).expect(410)).text).toContain(
      "This invitation has been withdrawn.",
    );
  });
});

describe("cohorts", () => {
  it("an admin creates a cohort with trainers; bad details get clear messages and store nothing", async () => {
    const org = await createTestOrg(ctx, "cohorts");
    const admin = await signedInAgent(ctx, org.admin);
    const outsider = await createUser(ctx);
    const before = await ctx.db.cohort.count();
    const base = { name: "Spring 2027", slug: "spring-2027", courseId: "fixture-course" };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, courseId: "no-such-course" }, "Choose one of the published courses."],
      [{ ...base, startsOn: "2027-03-01", endsOn: "2027-02-01" }, "The end date must be on or after the start date."],
      [{ ...base, startsOn: "1st of March" }, "Enter a date like 2027-03-01."],
      [{ ...base, capacity: "0" }, "Enter a whole number of at least 1, or leave it empty."],
      [{ ...base, trainerIds: outsider.id }, "Choose trainers from this organisation&#39;s team."],
      [{ ...base, slug: org.cohort.slug }, "This organisation already has a cohort with this short name."],
    ];
    for (const [form, message] of cases)
      expect((await post(admin, "/orgs/cohorts/cohorts", form).expect(422)).text, message).toContain(message);
    expect(await ctx.db.cohort.count()).toBe(before);

    const created = await post(admin, "/orgs/cohorts/cohorts", {
      ...base,
      startsOn: "2027-03-01",
      capacity: "25",
      trainerIds: [org.trainer.id],
    }).expect(303);
    expect(created.headers.location).toBe("/orgs/cohorts/cohorts/spring-2027/settings?notice=cohort-created");
    const settings = await admin.get(created.headers.location!).expect(200);
    expect(settings.text).toMatch(/<p class="join-code"><code>[A-Z2-9]{4}-[A-Z2-9]{4}<\/code><\/p>/);
    expect(settings.text).toMatch(
      new RegExp(`id="tr-${org.trainer.id}" name="trainerIds" value="${org.trainer.id}" checked`),
    );
    // Changing details keeps the trainers chosen on a failed attempt.
    const failed = await post(admin, "/orgs/cohorts/cohorts/spring-2027/settings", {
      name: "Spring",
      capacity: "-1",
      trainerIds: [org.trainer.id, org.admin.id],
    }).expect(422);
    expect(failed.text).toMatch(new RegExp(`value="${org.admin.id}" checked`));
    await post(admin, "/orgs/cohorts/cohorts/spring-2027/settings", {
      name: "Spring cohort",
      capacity: "30",
      trainerIds: [org.admin.id],
    }).expect(303);
    expect(await ctx.db.cohortTrainer.findMany({ where: { cohort: { slug: "spring-2027" } } })).toEqual([
      expect.objectContaining({ userId: org.admin.id }),
    ]);
  });

  it("invite links: join once signed in; expired, withdrawn, used-up links and full cohorts get a clear page", async () => {
    const org = await createTestOrg(ctx, "links", { capacity: 2 });
    const admin = await signedInAgent(ctx, org.admin);
    const created = await post(admin, `${org.url}/invites`, { days: "7", maxUses: "1" }).expect(200);
    expect(created.text).toContain("Copy it now");
    const path = new URL(linkIn(created.text, "new-invite-link")!).pathname;

    // Anonymous visitors see what they are joining and are asked to sign in or register.
    const anonymous = await request(ctx.app).get(path).expect(200);
    expect(anonymous.text).toContain("Org links invites you to join the group");
    expect(anonymous.text).toContain(`/register?next=${encodeURIComponent(path)}`);
    await post(request.agent(ctx.app), path, { return: path })
      .expect(303)
      .expect("Location", `/login?next=${encodeURIComponent(path)}`);

    const first = await signedInAgent(ctx, await createUser(ctx));
    await post(first, path).expect(303).expect("Location", "/courses/fixture-course?notice=cohort-joined");
    // Joining again is harmless; the link's one use is spent for anyone else.
    await post(first, path).expect(410);
    const second = await signedInAgent(ctx, await createUser(ctx));
    expect((await second.get(path).expect(410)).text).toContain(
      "has been used as many times as the organisation allowed",
    );

    const unlimited = new URL(
      linkIn((await post(admin, `${org.url}/invites`, { days: "7" }).expect(200)).text, "new-invite-link")!,
    ).pathname;
    await post(second, unlimited).expect(303);
    // The cohort (capacity 2) is now full.
    const third = await signedInAgent(ctx, await createUser(ctx));
    expect((await third.get(unlimited).expect(200)).text).toContain("This group is full");
    expect((await post(third, unlimited).expect(409)).text).toContain("This group is full");

    // Expiry and withdrawal.
    clock.advance(8 * DAY);
    expect((await third.get(unlimited).expect(410)).text).toContain("This invite link has expired.");
    clock.advance(-8 * DAY);
    const id = /invites\/([0-9a-f-]{36})\/revoke/.exec((await admin.get(`${org.url}/settings`)).text)![1]!;
    await post(admin, `${org.url}/invites/${id}/revoke`).expect(303);
    expect((await third.get(unlimited).expect(410)).text).toContain("This invite link has been withdrawn");
    expect((await request(ctx.app).get("/join/not-a-real-token").expect(404)).text).toContain("Page not found");
    // Bad link settings.
    expect((await post(admin, `${org.url}/invites`, { days: "0" }).expect(422)).text).toContain(
      "Enter a number of days from 1 to 365.",
    );
    expect((await post(admin, `${org.url}/invites`, { days: "5", maxUses: "lots" }).expect(422)).text).toContain(
      "Enter a whole number of at least 1",
    );
    expect(await ctx.db.cohortInvite.count({ where: { cohortId: org.cohort.id } })).toBe(2);
  });

  it("join codes: typed loosely, refused when unknown, replaced on request", async () => {
    const org = await createTestOrg(ctx, "codes");
    const learner = await signedInAgent(ctx, await createUser(ctx));
    expect((await post(learner, "/join", { code: "" }).expect(422)).text).toContain(
      "Enter the join code you were given.",
    );
    expect((await post(learner, "/join", { code: "ZZZZ-ZZZZ" }).expect(422)).text).toContain("No group has this code.");
    const typed = ` ${org.cohort.joinCode.slice(0, 4).toLowerCase()} - ${org.cohort.joinCode.slice(4)} `;
    await post(learner, "/join", { code: typed })
      .expect(303)
      .expect("Location", "/courses/fixture-course?notice=cohort-joined");
    await post(learner, "/join", { code: org.cohort.joinCode })
      .expect(303)
      .expect("Location", "/courses/fixture-course?notice=cohort-already");
    const admin = await signedInAgent(ctx, org.admin);
    await post(admin, `${org.url}/join-code`).expect(303);
    const other = await signedInAgent(ctx, await createUser(ctx));
    await post(other, "/join", { code: org.cohort.joinCode }).expect(422);
    expect(await ctx.db.cohortMember.count({ where: { cohortId: org.cohort.id } })).toBe(1);
  });

  it("learners see which organisations see their progress, and what; they can leave, with confirmation", async () => {
    const org = await createTestOrg(ctx, "leaving");
    const user = await createUser(ctx);
    await addMembers(ctx, org.cohort, [user]);
    const agent = await signedInAgent(ctx, user);
    const account = await agent.get("/account").expect(200);
    expect(account.text).toContain("Organisations that can see your progress");
    expect(account.text).toContain("Org leaving");
    expect(account.text).toContain("They do not see your email address, your exercise answers or your survey answers.");
    const unconfirmed = await post(agent, `/account/cohorts/${org.cohort.id}/leave`).expect(422);
    expect(unconfirmed.text).toContain("Tick the box to confirm that you want to leave this group.");
    expect(await ctx.db.cohortMember.count({ where: { cohortId: org.cohort.id } })).toBe(1);
    await post(agent, `/account/cohorts/${org.cohort.id}/leave`, { confirm: "yes" })
      .expect(303)
      .expect("Location", "/account?notice=cohort-left");
    expect(await ctx.db.cohortMember.count({ where: { cohortId: org.cohort.id } })).toBe(0);
    expect((await agent.get("/account")).text).toContain("No organisation can see your progress.");
    // Their progress stays theirs; the trainer no longer sees them.
    const trainer = await signedInAgent(ctx, org.trainer);
    expect((await trainer.get(org.url).expect(200)).text).toContain("No learners have joined this cohort yet.");
  });
});

describe("certificates issued through a cohort", () => {
  it("the organisation's admin can revoke them, with a reason; trainers cannot", async () => {
    const org = await createTestOrg(ctx, "certs");
    const learner = await createUser(ctx);
    await addMembers(ctx, org.cohort, [learner]);
    const agent = await signedInAgent(ctx, learner);
    await completeFixtureCourse(agent);
    const claimed = await post(agent, "/courses/fixture-course/certificate", {
      name: "Amina",
      language: "en",
      lookupAllowed: "yes",
    }).expect(303);
    const code = /\/certificates\/([A-Z0-9-]+)$/.exec(claimed.headers.location!)![1]!;

    const admin = await signedInAgent(ctx, org.admin);
    const dashboard = await admin.get(org.url).expect(200);
    expect(dashboard.text).toContain(`/orgs/certs/certificates/`);
    const page = await admin.get(`/orgs/certs/certificates/${code}`).expect(200);
    expect(page.text).toContain("Revoke this certificate");
    const trainer = await signedInAgent(ctx, org.trainer);
    await post(trainer, `/orgs/certs/certificates/${code}/revoke`, {
      reason: "Issued in error",
      confirm: "yes",
    }).expect(403);
    expect(
      (await post(admin, `/orgs/certs/certificates/${code}/revoke`, { reason: "Issued in error" }).expect(422)).text,
    ).toContain("Tick the box to confirm.");
    expect(
      await ctx.db.certificate.findUnique({
        where: { code: code.replace(/-/g, "").toLowerCase() },
        select: { revokedAt: true },
      }),
    ).toEqual({ revokedAt: null });
    await post(admin, `/orgs/certs/certificates/${code}/revoke`, { reason: "Issued in error", confirm: "yes" }).expect(
      303,
    );
    expect((await request(ctx.app).get(`/verify/${code}`).expect(200)).text).toContain("Revoked certificate");
  });
});

describe("draft modules", () => {
  it("are hidden from learners but readable by trainers and organisation teams, with a banner", async () => {
    const org = await createTestOrg(ctx, "drafts");
    const learner = await signedInAgent(ctx, await createUser(ctx));
    await learner.get("/courses/fixture-course/drafty").expect(404);
    await learner.get("/courses/fixture-course/drafty/wip").expect(404);
    expect((await learner.get("/courses/fixture-course").expect(200)).text).not.toContain(
      "/courses/fixture-course/drafty",
    );
    for (const user of [org.trainer, await createUser(ctx, { role: "trainer" })]) {
      const agent = await signedInAgent(ctx, user);
      const course = await agent.get("/courses/fixture-course").expect(200);
      expect(course.text).toContain('href="/courses/fixture-course/drafty"');
      expect(course.text).toContain('<span class="tag tag-draft">Draft</span>');
      const module = await agent.get("/courses/fixture-course/drafty").expect(200);
      expect(module.text).toContain("Draft preview.");
      const lesson = await agent.get("/courses/fixture-course/drafty/wip").expect(200);
      expect(lesson.text).toContain("Learners cannot see this yet");
      // Previewing records nothing.
      expect(lesson.text).not.toContain("Mark as complete");
    }
    await request(ctx.app).get("/courses/fixture-course/drafty").expect(404);
  });
});

describe("guessing join codes", () => {
  it("is rate-limited per address, with a clear message", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++)
      statuses.push((await post(agent, "/join", { code: `GUES-S${String(i).padStart(3, "0")}` })).status);
    expect(statuses).toContain(422);
    expect(statuses.at(-1)).toBe(429);
    const res = await post(agent, "/join", { code: "ABCD-EFGH" }).expect(429);
    expect(res.text).toContain("Too many attempts");
    expect(res.text).toMatch(/Please wait \d+ minutes? and try again\./);
    expect(res.text).not.toContain("wait 1 minutes");
  });
});
