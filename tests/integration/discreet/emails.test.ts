// Emails never name a course, an organisation (its cause) or a group, unless the learner
// turned discreet mode off: inboxes are shared and read over shoulders (issue 11 §3).
import fs from "node:fs";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { outboxDir } from "../../../src/mail/mailer.js";
import { inviteStaff } from "../../../src/orgs/org-service.js";
import { createUser, mailText, ORIGIN, readOutbox, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { createTestOrg, type TestOrg } from "../../helpers/orgs.js";

let ctx: TestContext;
let org: TestOrg;
let counter = 0;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());
beforeEach(async () => {
  // An organisation whose name says what it campaigns for, as real ones do.
  org = await createTestOrg(ctx, `harm-reduction-${++counter}`);
  await ctx.db.organisation.update({ where: { id: org.org.id }, data: { name: "Drug Policy Network" } });
  fs.rmSync(outboxDir(ctx.env.dataDir), { recursive: true, force: true });
});

const DETAILS = () => ["Drug Policy Network", org.org.slug, org.cohort.name, "Fixture course", "fixture-course"];
const subjectOf = (mail: string) => /^Subject: (.*)$/m.exec(mail)?.[1];
/** The text of a single-part message, decoded when it is base64. */
function decodedBody(mail: string): string {
  const [head, ...rest] = mail.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  return /Content-Transfer-Encoding: base64/i.test(head!) ? Buffer.from(body, "base64").toString("utf8") : body;
}

async function importCsv(csv: string): Promise<string[]> {
  const admin = await signedInAgent(ctx, org.admin);
  const preview = await admin
    .post(`${org.url}/import`)
    .set("Origin", ORIGIN)
    .attach("file", Buffer.from(csv), { filename: "learners.csv", contentType: "text/csv" })
    .expect(200);
  const importId = /action="[^"]*\/import\/([0-9a-f-]{36})"/.exec(preview.text)![1];
  await admin.post(`${org.url}/import/${importId}`).set("Origin", ORIGIN).expect(303);
  const rows = csv.trim().split("\n").length - 1;
  await expect.poll(() => readOutbox(ctx).length, { timeout: 10_000 }).toBe(rows);
  return readOutbox(ctx).map(mailText);
}

describe("invitation emails", () => {
  it("to people with and without an account say only that an invitation waits, in their language", async () => {
    await createUser(ctx, { email: `has-account${counter}@example.org` });
    const mails = await importCsv(
      `email,name,language\nhas-account${counter}@example.org,Amal,\nno-account${counter}@example.org,Olga,ru\n`,
    );
    const added = mails.find((m) => m.includes(`To: has-account${counter}@example.org`))!;
    const invited = mails.find((m) => m.includes(`To: no-account${counter}@example.org`))!;
    expect(subjectOf(added)).toBe("You have an invitation on Sendero");
    expect(added).toContain("the details are shown only after you sign in");
    // In Russian, as the CSV asked (nodemailer sends non-Latin text as base64).
    expect(subjectOf(invited)).toMatch(/^=\?UTF-8\?/);
    expect(decodedBody(invited)).toContain("У вас приглашение на Sendero.");
    for (const mail of [added, invited]) for (const detail of DETAILS()) expect(mail).not.toContain(detail);
  });

  it("name the course and organisation only for a learner who turned discreet mode off", async () => {
    const user = await createUser(ctx, { email: `detailed${counter}@example.org` });
    await (await signedInAgent(ctx, user))
      .post("/discreet")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ discreet: "off", return: "/account" })
      .expect(303);
    const [mail] = await importCsv(`email,name\ndetailed${counter}@example.org,Dana\n`);
    expect(subjectOf(mail!)).toBe("Drug Policy Network has enrolled you in Fixture course");
    expect(mail).toContain("/courses/fixture-course");
  });

  it("to future staff name neither the organisation nor the role; the link's page does, after sign-in", async () => {
    const link = await inviteStaff(ctx.deps, org.org, { role: "trainer", email: "future@example.org" }, "en");
    await expect.poll(() => readOutbox(ctx).length, { timeout: 10_000 }).toBe(1);
    const mail = mailText(readOutbox(ctx)[0]!);
    expect(subjectOf(mail)).toBe("You have an invitation on Sendero");
    expect(mail).toContain(link);
    expect(mail).toContain("within 14 days");
    for (const detail of [...DETAILS(), "trainer", "Trainer"]) expect(mail).not.toContain(detail);
    // The details wait behind sign-in.
    const path = new URL(link).pathname;
    await request(ctx.app).get(path).expect(303);
    const page = await (await signedInAgent(ctx, await createUser(ctx))).get(path).expect(200);
    expect(page.text).toContain("Drug Policy Network");
  });

  it("for a forgotten password name no course either", async () => {
    const user = await createUser(ctx, { email: `reset${counter}@example.org` });
    const learner = await signedInAgent(ctx, user);
    await learner.post("/courses/fixture-course/enrol").set("Origin", ORIGIN).type("form").send({});
    await request(ctx.app)
      .post("/forgot-password")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ identifier: user.username })
      .expect(200);
    await expect.poll(() => readOutbox(ctx).length, { timeout: 10_000 }).toBe(1);
    const mail = mailText(readOutbox(ctx)[0]!);
    expect(subjectOf(mail)).toBe("Choose a new password for Sendero");
    for (const detail of DETAILS()) expect(mail).not.toContain(detail);
  });
});
