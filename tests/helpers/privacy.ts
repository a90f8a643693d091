// A learner who used every feature, through the real HTTP routes where there is one:
// two devices, recovery codes, a password-reset request, lessons, a quiz with a wrong
// short answer of their own, a reflection, both surveys, a certificate, a cohort seat, a
// staff role and a trainer seat elsewhere, a place and a staff invitation waiting for
// their address. Each personal value is unique, so the database files can be searched for it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { replaceCohortTrainers, upsertMembership } from "../../src/orgs/queries.js";
import { createUser, ORIGIN, signedInAgent, type TestUser } from "./accounts.js";
import type { TestContext } from "./context.js";
import { RIGHT_BASICS } from "./learning.js";
import { addMembers, createTestOrg, type TestOrg } from "./orgs.js";

export type EveryFeatureLearner = {
  user: TestUser;
  agent: Awaited<ReturnType<typeof signedInAgent>>;
  certificateCode: string;
  recoveryCode: string;
  org: TestOrg;
  otherOrg: TestOrg;
  /** Every value that belongs to this person alone. */
  values: Record<
    "username" | "email" | "displayName" | "certificateName" | "exerciseText" | "shortAnswer" | "pendingName",
    string
  >;
};

export async function createEveryFeatureLearner(ctx: TestContext, tag: string): Promise<EveryFeatureLearner> {
  const values = {
    username: `zq${tag}learner`,
    email: `zq${tag}@mail.example`,
    displayName: `Zoraida ${tag} Quillfeather`,
    certificateName: `Zoraida ${tag} Certified`,
    exerciseText: `My private reflection ${tag}: harm reduction saved my brother.`,
    shortAnswer: `Quillsbury${tag}`,
    pendingName: `Zora ${tag} from the list`,
  };
  const user = await createUser(ctx, {
    username: values.username,
    email: values.email,
    displayName: values.displayName,
  });
  const agent = await signedInAgent(ctx, user);
  await signedInAgent(ctx, user, "Mozilla/5.0 (Android 14; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0");
  const post = (url: string, form: Record<string, string | string[]>) =>
    agent.post(url).set("Origin", ORIGIN).type("form").send(form);

  await post("/account/profile", {
    displayName: values.displayName,
    certificateName: values.certificateName,
    locale: "en",
  }).expect(303);
  const codes = await post("/account/recovery-codes", { currentPassword: user.password }).expect(200);
  const recoveryCode = /<code>([a-z0-9-]{19})<\/code>/.exec(codes.text)![1]!;
  await post("/forgot-password", { identifier: values.username }).expect(200);

  const org = await createTestOrg(ctx, `learn${tag}`);
  await addMembers(ctx, org.cohort, [user]);
  const otherOrg = await createTestOrg(ctx, `staff${tag}`);
  await upsertMembership(ctx.db, otherOrg.org.id, user.id, "trainer", ctx.deps.clock.now());
  await replaceCohortTrainers(ctx.db, otherOrg.cohort.id, [otherOrg.trainer.id, user.id]);
  const now = ctx.deps.clock.now();
  await ctx.db.pendingEnrolment.create({
    data: {
      cohortId: otherOrg.cohort.id,
      email: values.email,
      name: values.pendingName,
      language: "en",
      createdAt: now,
    },
  });
  await ctx.db.orgInvitation.create({
    data: {
      tokenHash: `invitation-hash-${tag}`,
      orgId: org.org.id,
      role: "trainer",
      email: values.email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 7 * 86_400_000),
    },
  });

  for (const lesson of ["first-lesson", "second-lesson"])
    await post(`/courses/fixture-course/basics/${lesson}/complete`, { done: "true" }).expect(303);
  await post("/courses/fixture-course/basics/quiz", {
    ...RIGHT_BASICS,
    "q.short": values.shortAnswer,
    attempt: "1",
  } as unknown as Record<string, string>).expect(303);
  await post("/courses/fixture-course/basics/exercise", { text: values.exerciseText }).expect(303);
  await post("/courses/fixture-course/basics/survey", { "a.clear": "4" }).expect(303);
  await post("/courses/fixture-course/advanced/deep/complete", { done: "true" }).expect(303);
  await post("/courses/fixture-course/survey", { "a.useful": "5", "a.comments": `Anonymous comment ${tag}` }).expect(
    303,
  );
  const claimed = await post("/courses/fixture-course/certificate", {
    name: values.certificateName,
    language: "en",
    lookupAllowed: "yes",
  }).expect(303);
  const certificateCode = /^\/certificates\/([A-Z0-9-]+)$/.exec(claimed.headers.location!)![1]!;
  return { user, agent, certificateCode, recoveryCode, org, otherOrg, values };
}

type Agent = EveryFeatureLearner["agent"];

/** GET /account/export as raw bytes. */
export function downloadExport(agent: Agent) {
  return agent
    .get("/account/export")
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => done(null, Buffer.concat(chunks)));
    });
}

/** Every file of a ZIP, read by Python's zipfile (an independent reader); tests --test first. */
export function readZip(dir: string, zip: Buffer): Map<string, Buffer> {
  const file = path.join(fs.mkdtempSync(path.join(dir, "zip-")), "export.zip");
  fs.writeFileSync(file, zip);
  execFileSync("python3", ["-m", "zipfile", "-t", file]);
  const script =
    "import sys,zipfile,json,base64\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({i.filename: base64.b64encode(z.read(i)).decode() for i in z.infolist()}))";
  const files = JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8" })) as Record<
    string,
    string
  >;
  return new Map(Object.entries(files).map(([name, data]) => [name, Buffer.from(data, "base64")]));
}
