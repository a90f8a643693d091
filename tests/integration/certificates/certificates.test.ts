// Certificates: claimed only after completion, printed correctly, signed, verifiable by
// code and by file, revocable — and never revealing more than the certificate shows.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredential } from "../../../src/certificates/credential.js";
import { isRevoked } from "../../../src/certificates/status-list.js";
import { createUser, databaseSnapshot, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { completeBasics, completeFixtureCourse } from "../../helpers/learning.js";
import { binaryBody, pdfText } from "../../helpers/pdf.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { INSTANCE_NAME: "Sendero Test" } });
});
afterAll(() => ctx.close());

type Agent = Awaited<ReturnType<typeof signedInAgent>>;
const CLAIM = "/courses/fixture-course/certificate";

async function graduate(options: { email?: string; displayName?: string } = {}) {
  const user = await createUser(ctx, { email: options.email ?? null, displayName: options.displayName });
  const agent = await signedInAgent(ctx, user);
  await completeFixtureCourse(agent);
  return { user, agent };
}

async function claim(agent: Agent, form: Record<string, string> = {}): Promise<string> {
  const res = await agent
    .post(CLAIM)
    .set("Origin", ORIGIN)
    .type("form")
    .send({ name: "Amina Yusuf", language: "en", lookupAllowed: "yes", ...form })
    .expect(303);
  return /^\/certificates\/([A-Z0-9-]+)$/.exec(res.headers.location!)![1]!;
}

describe("claiming", () => {
  it("is refused before the course is complete, with an explanation, storing nothing", async () => {
    const agent = await signedInAgent(ctx, await createUser(ctx));
    await completeBasics(agent);
    const page = await agent.get(CLAIM).expect(200);
    expect(page.text).toContain("Complete the course first");
    const before = await databaseSnapshot(ctx);
    const res = await agent
      .post(CLAIM)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ name: "Early Bird", language: "en", lookupAllowed: "yes" })
      .expect(403);
    expect(res.text).toContain("You can claim this once you have completed it.");
    expect(await databaseSnapshot(ctx)).toBe(before);
  });

  it("records the course, its content version, the completion date, the issuer and an unguessable code", async () => {
    const { user, agent } = await graduate({ displayName: "Amina" });
    const form = await agent.get(CLAIM).expect(200);
    expect(form.text).toContain('value="Amina"');
    const code = await claim(agent);
    expect(code).toMatch(/^([A-KM-Z2-9]{4}-){6}[A-KM-Z2-9]{4}$/);
    const row = await ctx.db.certificate.findFirstOrThrow({ where: { userId: user.id } });
    expect(row).toMatchObject({
      courseId: "fixture-course",
      moduleId: null,
      contentVersion: ctx.deps.catalog.current.courseById.get("fixture-course")!.version,
      courseTitle: "Fixture course",
      recipientName: "Amina Yusuf",
      issuerName: "Sendero Test",
      language: "en",
      lookupAllowed: true,
    });
    expect(row.statusIndex).toBeGreaterThanOrEqual(0);
    expect(row.statusIndex).toBeLessThan(131_072);
    // Claiming again leads to the same certificate.
    await agent.get(CLAIM).expect(303).expect("Location", `/certificates/${code}`);
    await agent
      .post(CLAIM)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ name: "Someone Else", language: "en" })
      .expect(409);
  });

  it("makes one certificate from a burst of claims", async () => {
    const { user, agent } = await graduate();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        agent.post(CLAIM).set("Origin", ORIGIN).type("form").send({ name: "Burst", language: "en" }),
      ),
    );
    expect(results.filter((r) => r.status === 303)).toHaveLength(1);
    expect(await ctx.db.certificate.count({ where: { userId: user.id } })).toBe(1);
  });

  it("awards a module badge through the same mechanism", async () => {
    const user = await createUser(ctx);
    const agent = await signedInAgent(ctx, user);
    await agent.get("/courses/fixture-course/basics/badge").expect(200);
    await completeBasics(agent);
    expect((await agent.get("/courses/fixture-course/basics")).text).toContain("Claim your badge: The basics");
    const res = await agent
      .post("/courses/fixture-course/basics/badge")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ name: "Module Person", language: "en" })
      .expect(303);
    const badge = await ctx.db.certificate.findFirstOrThrow({ where: { userId: user.id } });
    expect(badge).toMatchObject({ moduleId: "basics", achievementName: "The basics" });
    expect(res.headers.location).toMatch(/^\/certificates\//);
  });
});

describe("the PDF", () => {
  it("prints the name, course and code, and stays under 200 KB", async () => {
    const { agent } = await graduate();
    const code = await claim(agent, { name: "Émilie Ñúñez-Łukasz" });
    const res = await agent
      .get(`/certificates/${code}.pdf`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200)
      .expect("Content-Type", "application/pdf");
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeLessThanOrEqual(200 * 1024);
    const text = pdfText(pdf);
    expect(text).toContain("Émilie Ñúñez-Łukasz");
    expect(text).toContain("Fixture course");
    expect(text).toContain(code);
    expect(text).toContain("Sendero Test");
  });

  it.each([
    ["Arabic", "نادية الحسيني", "نادية الحسيني"],
    ["Cyrillic", "Надежда Иванова", "Надежда Иванова"],
    ["combining marks and an emoji", "Zoë Ǆ 🎓 Ana", "Zoë"],
    ["200 characters", "Ana María ".repeat(20).trim(), "Ana María"],
  ])("renders a %s name", async (_label, name, expected) => {
    const { agent } = await graduate();
    const code = await claim(agent, { name });
    const res = await agent.get(`/certificates/${code}.pdf`).buffer(true).parse(binaryBody).expect(200);
    expect(pdfText(res.body as Buffer)).toContain(expected);
  });

  it("explains clearly when a name cannot be printed, storing nothing", async () => {
    const { user, agent } = await graduate();
    for (const name of ["王小明", "🎓🎓", "   "]) {
      const res = await agent.post(CLAIM).set("Origin", ORIGIN).type("form").send({ name, language: "en" }).expect(422);
      expect(res.text).toMatch(/cannot be printed yet|Enter the name to print/);
    }
    expect(await ctx.db.certificate.count({ where: { userId: user.id } })).toBe(0);
  });
});

/** A bare environment for the CLI — but the same clock when the suite runs under faketime. */
const cliEnv = () => ({
  PATH: process.env.PATH,
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => /^(LD_PRELOAD|FAKETIME)/.test(key))),
});

describe("the signed credential", () => {
  it("verifies with this site's DID document and status list — and with the offline CLI", async () => {
    const { agent } = await graduate();
    const code = await claim(agent);
    const credential = JSON.parse((await agent.get(`/certificates/${code}.json`).expect(200)).text) as Record<
      string,
      unknown
    >;
    const didDocument = (await request(ctx.app).get("/.well-known/did.json").expect(200)).body as Record<
      string,
      unknown
    >;
    const statusList = JSON.parse(
      (await request(ctx.app).get("/certificates/status/revocation").expect(200)).text,
    ) as Record<string, unknown>;
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect(didDocument.id).toBe("did:web:localhost%3A3000");
    const verdict = await verifyCredential(credential, { didDocument, statusListCredential: statusList });
    expect(verdict).toMatchObject({ ok: true, recipientName: "Amina Yusuf", statusChecked: true });

    const files = {
      credential: path.join(ctx.dir, "c.json"),
      did: path.join(ctx.dir, "did.json"),
      status: path.join(ctx.dir, "status.json"),
    };
    fs.writeFileSync(files.credential, JSON.stringify(credential));
    fs.writeFileSync(files.did, JSON.stringify(didDocument));
    fs.writeFileSync(files.status, JSON.stringify(statusList));
    const cli = (file: string) =>
      execFileSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "src/certificates/verify-cli.ts",
          file,
          "--did-document",
          files.did,
          "--status-list",
          files.status,
          "--offline",
        ],
        { encoding: "utf8", env: cliEnv() },
      );
    expect(cli(files.credential)).toMatch(/valid/i);
    const tampered = { ...credential, name: "Certificate of Excellence" };
    fs.writeFileSync(files.credential, JSON.stringify(tampered));
    expect(() => cli(files.credential)).toThrow();
  });

  it("is checked when pasted on /verify, and a changed one is refused", async () => {
    const { agent } = await graduate();
    const code = await claim(agent);
    const json = (await agent.get(`/certificates/${code}.json`)).text;
    const good = await request(ctx.app)
      .post("/verify")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ credential: json })
      .expect(200);
    expect(good.text).toContain("Genuine credential");
    const bad = await request(ctx.app)
      .post("/verify")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ credential: json.replace("Amina Yusuf", "Amina Yusef") })
      .expect(422);
    expect(bad.text).toContain("This credential cannot be trusted");
    const garbage = await request(ctx.app)
      .post("/verify")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ credential: "{not json" })
      .expect(422);
    expect(garbage.text).toContain("not a valid credential file");
  });

  it("can be uploaded as a file", async () => {
    const { agent } = await graduate();
    const code = await claim(agent);
    const json = (await agent.get(`/certificates/${code}.json`)).text;
    const res = await request(ctx.app)
      .post("/verify")
      .set("Origin", ORIGIN)
      .attach("file", Buffer.from(json), "credential.json")
      .expect(200);
    expect(res.text).toContain("Genuine credential");
  });
});

describe("verification by code", () => {
  it("shows valid with only what the certificate shows — no email, no account details", async () => {
    const { user, agent } = await graduate({ email: "private@example.org" });
    const code = await claim(agent);
    const res = await request(ctx.app).get(`/verify/${code}`).expect(200);
    expect(res.text).toContain("Genuine certificate");
    expect(res.text).toContain("Amina Yusuf");
    // The course only if its holder says so (tests/integration/discreet/files.test.ts).
    expect(res.text).not.toContain("Fixture course");
    expect(res.text).toContain("Sendero Test");
    expect(res.text).not.toContain("private@example.org");
    expect(res.text).not.toContain(user.username);
    // Case, spaces and dashes do not matter when typing.
    await request(ctx.app)
      .post("/verify")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ code: ` ${code.toLowerCase().replace(/-/g, " ")} ` })
      .expect(303)
      .expect("Location", `/verify/${code}`);
  });

  it("says unknown for a code that does not exist, and explains a malformed one", async () => {
    const unknown = await request(ctx.app).get("/verify/ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456").expect(404);
    expect(unknown.text).toContain("Unknown certificate");
    const malformed = await request(ctx.app)
      .post("/verify")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ code: "12345" })
      .expect(422);
    expect(malformed.text).toContain("codes have 28 letters and digits");
  });

  it("answers unknown when the owner turns lookup off, while the owner still sees it", async () => {
    const { agent } = await graduate();
    const code = await claim(agent);
    await agent
      .post(`/certificates/${code}/lookup`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ allowed: "no" })
      .expect(303);
    const res = await request(ctx.app).get(`/verify/${code}`).expect(404);
    expect(res.text).toContain("Unknown certificate");
    await request(ctx.app).get(`/certificates/${code}.pdf`).expect(404);
    await agent.get(`/certificates/${code}`).expect(200);
    await agent.get(`/certificates/${code}.pdf`).expect(200);
    // Someone else's toggle is refused like a certificate that does not exist.
    const stranger = await signedInAgent(ctx, await createUser(ctx));
    await stranger
      .post(`/certificates/${code}/lookup`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ allowed: "yes" })
      .expect(404);
  });

  it("is rate-limited", async () => {
    const limited = await createTestContext({ env: { TRUST_PROXY: "true" } });
    try {
      let last = 0;
      for (let i = 0; i < 125; i++)
        last = (
          await request(limited.app)
            .get("/verify/ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456")
            .set("X-Forwarded-For", "192.0.2.7")
        ).status;
      expect(last).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe("revocation", () => {
  it("flips the verification page and the status list, with a reason kept for admins", async () => {
    const { agent } = await graduate();
    const code = await claim(agent);
    const row = await ctx.db.certificate.findFirstOrThrow({ where: { code: code.toLowerCase().replace(/-/g, "") } });
    const admin = await signedInAgent(ctx, await createUser(ctx, { role: "admin" }));
    const unconfirmed = await admin
      .post(`/admin/certificates/${code}/revoke`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ reason: "Issued by mistake" })
      .expect(422);
    expect(unconfirmed.text).toContain("Tick the box to confirm.");
    await admin
      .post(`/admin/certificates/${code}/revoke`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ reason: "Issued by mistake", confirm: "yes" })
      .expect(303);
    const page = await request(ctx.app).get(`/verify/${code}`).expect(200);
    expect(page.text).toContain("Revoked certificate");
    expect(page.text).not.toContain("Issued by mistake");
    const didDocument = (await request(ctx.app).get("/.well-known/did.json")).body as Record<string, unknown>;
    const list = JSON.parse((await request(ctx.app).get("/certificates/status/revocation")).text) as Record<
      string,
      unknown
    >;
    expect(await isRevoked(list, row.statusIndex, didDocument)).toBe(true);
    const credential = JSON.parse((await agent.get(`/certificates/${code}.json`)).text) as Record<string, unknown>;
    expect(await verifyCredential(credential, { didDocument, statusListCredential: list })).toMatchObject({
      ok: false,
      code: "revoked",
    });
    const learner = await signedInAgent(ctx, await createUser(ctx));
    await learner
      .post(`/admin/certificates/${code}/revoke`)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ reason: "x", confirm: "yes" })
      .expect(403);
  });
});
