// Every organisation route × role (anonymous, learner, trainer of A, admin of A, platform
// admin) × resource (A's own, B's, nonexistent). Staff of A must not see, change or even
// confirm the existence of anything of B: B's ids answer exactly like ids that don't exist.
import { randomUUID } from "node:crypto";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  insertCohortInvite,
  insertCsvImport,
  insertOrgInvitation,
  upsertMembership,
} from "../../../src/orgs/queries.js";
import { hashSecretHex } from "../../../src/security/random.js";
import { createUser, databaseSnapshot, ORIGIN, signedInAgent, type TestUser } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { completeFixtureCourse } from "../../helpers/learning.js";
import { addMembers, createTestOrg, type TestOrg } from "../../helpers/orgs.js";
import { fillPath, listRoutes, type RouteInfo } from "../../helpers/routes.js";

type Role = "anonymous" | "learner" | "trainerA" | "adminA" | "platformAdmin";
type Resource = "own" | "other" | "none";

let ctx: TestContext;
let a: TestOrg;
let b: TestOrg;
const cookies = new Map<Role, string>();
const certificates = new Map<Resource, string>();

async function cookieOf(user: TestUser): Promise<string> {
  const agent = await signedInAgent(ctx, user);
  const res = await agent.get("/");
  return (res.request as unknown as { cookies: string }).cookies;
}

async function claimThrough(org: TestOrg): Promise<string> {
  const learner = await createUser(ctx);
  await addMembers(ctx, org.cohort, [learner]);
  const agent = await signedInAgent(ctx, learner);
  await completeFixtureCourse(agent);
  const res = await agent
    .post("/courses/fixture-course/certificate")
    .set("Origin", ORIGIN)
    .type("form")
    .send({ name: "Amina Yusuf", language: "en" })
    .expect(303);
  return /^\/certificates\/([A-Z0-9-]+)$/.exec(res.headers.location!)![1]!;
}

beforeAll(async () => {
  ctx = await createTestContext();
  a = await createTestOrg(ctx, "alpha");
  b = await createTestOrg(ctx, "bravo");
  cookies.set("learner", await cookieOf(await createUser(ctx)));
  cookies.set("trainerA", await cookieOf(a.trainer));
  cookies.set("adminA", await cookieOf(a.admin));
  cookies.set("platformAdmin", await cookieOf(await createUser(ctx, { role: "admin" })));
  certificates.set("own", await claimThrough(a));
  certificates.set("other", await claimThrough(b));
  certificates.set("none", "ABCD-EFGH-JKMN-PQRS");
});
afterAll(() => ctx.close());

const orgRoutes = () => listRoutes(ctx.app).filter((r) => r.path.startsWith("/orgs/:org"));

/** Concrete, fresh ids for one call (state-changing routes use up what they are given). */
async function paramsFor(info: RouteInfo, resource: Resource): Promise<Record<string, string>> {
  if (resource === "none") {
    return {
      org: "no-such-org",
      cohort: "no-such-cohort",
      id: randomUUID(),
      hash: "f".repeat(64),
      userId: randomUUID(),
      code: certificates.get("none")!,
    };
  }
  const org = resource === "own" ? a : b;
  const now = ctx.deps.clock.now();
  const inviteId = randomUUID();
  await insertCohortInvite(ctx.db, {
    id: inviteId,
    tokenHash: hashSecretHex(randomUUID()),
    cohortId: org.cohort.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 86_400_000),
    maxUses: null,
  });
  const importId = randomUUID();
  await insertCsvImport(ctx.db, { id: importId, cohortId: org.cohort.id, rows: "[]", createdAt: now });
  const hash = hashSecretHex(randomUUID());
  await insertOrgInvitation(ctx.db, {
    tokenHash: hash,
    orgId: org.org.id,
    role: "trainer",
    email: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 86_400_000),
  });
  const staff = await createUser(ctx);
  await upsertMembership(ctx.db, org.org.id, staff.id, "trainer", now);
  return {
    org: org.org.slug,
    cohort: org.cohort.slug,
    id: info.path.endsWith("/import/:id") ? importId : inviteId,
    hash,
    userId: staff.id,
    code: certificates.get(resource)!,
  };
}
async function send(info: RouteInfo, role: Role, params: Record<string, string>) {
  const url = fillPath(info.path, params);
  const req =
    info.method === "GET"
      ? request(ctx.app).get(url)
      : request(ctx.app).post(url).set("Origin", ORIGIN).type("form").send({});
  const cookie = cookies.get(role);
  return { url, res: await (cookie ? req.set("Cookie", cookie) : req) };
}

const call = async (info: RouteInfo, role: Role, resource: Resource) =>
  send(info, role, await paramsFor(info, resource));

/** What a person can read from a response, minus the per-request reference and its own address (in "return" links). */
const visible = ({ url, res }: { url: string; res: request.Response }) =>
  `${res.status} ${res.headers.location ?? ""} ${res.text.replace(/reference: [^<]*/i, "")}`
    .split(url)
    .join("<url>")
    .split(encodeURIComponent(url))
    .join("<url>");

const TRAINER_CAN = new Set([
  "GET /orgs/:org",
  "GET /orgs/:org/cohorts/:cohort",
  "GET /orgs/:org/cohorts/:cohort/export.csv",
  "GET /orgs/:org/cohorts/:cohort/insight",
]);

describe("organisation isolation", () => {
  it("covers every organisation route", () => {
    const routes = orgRoutes().map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThanOrEqual(17);
    for (const known of TRAINER_CAN) expect(routes).toContain(known);
  });

  it("sends anonymous visitors to sign in, whatever the organisation", async () => {
    for (const info of orgRoutes()) {
      for (const resource of ["own", "other", "none"] as const) {
        const { url, res } = await call(info, "anonymous", resource);
        expect(res.status, `${info.method} ${url}`).toBe(303);
        expect(res.headers.location, url).toMatch(/^\/login\?next=/);
      }
    }
  });

  it.each(["learner", "trainerA", "adminA"] as const)(
    "%s: B's resources answer exactly like nonexistent ones, and nothing of B changes",
    async (role) => {
      for (const info of orgRoutes()) {
        const params = await paramsFor(info, "other");
        const before = await databaseSnapshot(ctx);
        const other = await send(info, role, params);
        expect(await databaseSnapshot(ctx), `${role} ${info.method} ${info.path} changed something`).toBe(before);
        const none = await call(info, role, "none");
        const where = `${role} ${info.method} ${info.path}`;
        expect(other.res.status, where).toBe(404);
        expect(visible(other), where).toBe(visible(none));
      }
    },
  );

  it("learners who are on no team see no organisation at all", async () => {
    for (const info of orgRoutes()) {
      const { url, res } = await call(info, "learner", "own");
      expect(res.status, `${info.method} ${url}`).toBe(404);
    }
  });

  it("trainers of A read their cohort's dashboard, export and insight, and may change nothing", async () => {
    for (const info of orgRoutes()) {
      const { url, res } = await call(info, "trainerA", "own");
      const key = `${info.method} ${info.path}`;
      if (TRAINER_CAN.has(key)) expect(res.status, url).toBe(200);
      else expect(res.status, `${key} ${url}`).toBe(403);
    }
  });

  it("admins of A and platform admins may use every route of A", async () => {
    for (const role of ["adminA", "platformAdmin"] as const) {
      for (const info of orgRoutes()) {
        const { url, res } = await call(info, role, "own");
        expect([200, 303, 400, 422], `${role} ${info.method} ${url} → ${res.status}`).toContain(res.status);
      }
    }
  });

  it("platform admins may use B's routes too, and nonexistent ids are 404 for everyone", async () => {
    for (const info of orgRoutes()) {
      const other = await call(info, "platformAdmin", "other");
      expect([200, 303, 400, 422], `${info.method} ${other.url} → ${other.res.status}`).toContain(other.res.status);
      const none = await call(info, "platformAdmin", "none");
      expect(none.res.status, `${info.method} ${none.url}`).toBe(404);
    }
  });

  it("a trainer sees only the cohorts they train, even within their organisation", async () => {
    const { createCohort } = await import("../../../src/orgs/cohort-service.js");
    const untrained = await createCohort(ctx.deps, a.org, {
      name: "Untrained",
      slug: "untrained",
      courseId: "fixture-course",
      startsOn: null,
      endsOn: null,
      capacity: null,
      trainerIds: [],
    });
    const cookie = cookies.get("trainerA")!;
    const res = await request(ctx.app).get(`/orgs/alpha/cohorts/${untrained.slug}`).set("Cookie", cookie);
    expect(res.status).toBe(404);
    const overview = await request(ctx.app).get("/orgs/alpha").set("Cookie", cookie).expect(200);
    expect(overview.text).toContain(a.cohort.name);
    expect(overview.text).not.toContain("Untrained");
  });

  it("an admin of A cannot reach B's cohort through A's address", async () => {
    const res = await request(ctx.app)
      .get(`/orgs/alpha/cohorts/${b.cohort.slug}`)
      .set("Cookie", cookies.get("adminA")!);
    expect(res.status).toBe(404);
    const code = await request(ctx.app)
      .get(`/orgs/alpha/certificates/${certificates.get("other")}`)
      .set("Cookie", cookies.get("adminA")!);
    expect(code.status).toBe(404);
  });
});
