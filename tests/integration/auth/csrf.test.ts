// Every state-changing route refuses requests that do not come from our own origin —
// cross-site, foreign Origin, or no evidence at all — with a clear 403, changing nothing.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, databaseSnapshot, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { fillPath, listRoutes } from "../../helpers/routes.js";

let ctx: TestContext;
let cookie: string;
let params: Record<string, string>;

beforeAll(async () => {
  ctx = await createTestContext();
  const admin = await createUser(ctx, { role: "admin" });
  const learner = await createUser(ctx);
  const agent = await signedInAgent(ctx, admin);
  const res = await agent.get("/account");
  cookie = (res.request as unknown as { cookies: string }).cookies;
  const session = await ctx.db.session.findFirstOrThrow({ where: { userId: admin.id } });
  params = { id: learner.id, sessionId: session.id, token: "a".repeat(32) };
});
afterAll(() => ctx.close());

const ATTACKS: [string, Record<string, string>][] = [
  ["a cross-site form", { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" }],
  ["a same-site (other subdomain) form", { "Sec-Fetch-Site": "same-site", Origin: "https://sub.localhost:3000" }],
  ["a foreign Origin only", { Origin: "https://evil.example" }],
  ["no Origin and no Sec-Fetch-Site", {}],
  ["an Origin of null", { Origin: "null" }],
];

describe("cross-site request forgery", () => {
  const stateChanging = () => listRoutes(ctx.app).filter((r) => r.method !== "GET" && r.method !== "HEAD");

  it("covers every state-changing route", () => {
    expect(stateChanging().length).toBeGreaterThanOrEqual(15);
  });

  it.each(ATTACKS)("refuses %s on every state-changing route, changing nothing", async (_name, headers) => {
    for (const route of stateChanging()) {
      const before = await databaseSnapshot(ctx, { includeRateLimits: true });
      const url = fillPath(route.path, params);
      const res = await request(ctx.app)
        [route.method.toLowerCase() as "post"](url)
        .set("Cookie", cookie)
        .set(headers)
        .type("form")
        .send({
          displayName: "Hacked",
          email: "evil@example.org",
          currentPassword: "x",
          newPassword: "hacked passphrase",
          confirm: "yes",
          role: "admin",
          identifier: "x",
          password: "hacked passphrase",
          lang: "en",
        });
      expect(res.status, `${route.method} ${url}`).toBe(403);
      expect(res.text).toContain("This form was sent from another website");
      expect(await databaseSnapshot(ctx, { includeRateLimits: true }), `${route.method} ${url}`).toBe(before);
    }
  });

  it("accepts the same request from our own origin", async () => {
    await request(ctx.app)
      .post("/account/profile")
      .set("Cookie", cookie)
      .set("Origin", ORIGIN)
      .type("form")
      .send({ displayName: "Renamed" })
      .expect(303);
    await request(ctx.app)
      .post("/account/profile")
      .set("Cookie", cookie)
      .set("Sec-Fetch-Site", "same-origin")
      .type("form")
      .send({ displayName: "Renamed again" })
      .expect(303);
  });
});
