// The request log names routes, not paths: no invitation or reset token, join code or
// certificate code reaches it, whatever the outcome (valid, unknown, signed in or not),
// and neither does a query string. Every log line is captured while visiting each
// token-bearing route.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInviteLink } from "../../../src/orgs/cohort-service.js";
import { inviteStaff } from "../../../src/orgs/org-service.js";
import { createLogger } from "../../../src/web/log.js";
import { mailText, ORIGIN, readOutbox, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { createTestOrg, type TestOrg } from "../../helpers/orgs.js";

const lines: string[] = [];
let ctx: TestContext;
let org: TestOrg;

beforeAll(async () => {
  ctx = await createTestContext({
    env: { LOG_LEVEL: "info" },
    log: createLogger("debug", (line) => lines.push(line)),
  });
  org = await createTestOrg(ctx, "logged");
});
afterAll(() => ctx.close());

/** Log lines written since `from`, parsed. */
const written = (from: number) => lines.slice(from).map((l) => JSON.parse(l) as Record<string, unknown>);
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

describe("the request log", () => {
  it("holds route patterns, never the tokens and codes in paths or query strings", async () => {
    const staffToken = tokenOf(await inviteStaff(ctx.deps, org.org, { role: "trainer", email: null }, "en"));
    const joinToken = tokenOf(await createInviteLink(ctx.deps, org.cohort, { days: 7, maxUses: null }));
    await request(ctx.app)
      .post("/forgot-password")
      .set("Origin", ORIGIN)
      .type("form")
      .send({ identifier: org.admin.email! });
    const resetToken = /reset-password\/([\w-]+)/.exec(mailText(readOutbox(ctx).join("\n")))![1]!;
    const joinCode = org.cohort.joinCode;
    const madeUp = "NotARealTokenButSecretLooking42";
    const certificateCode = "ABCD-EFGH-JKMN";
    const secrets = [staffToken, joinToken, resetToken, joinCode, madeUp, certificateCode, "secret@example.org"];

    const from = lines.length;
    const anonymous = request.agent(ctx.app);
    const signedIn = await signedInAgent(ctx, org.trainer);
    const post = (agent: typeof anonymous, path: string, form: Record<string, string> = {}) =>
      agent.post(path).set("Origin", ORIGIN).type("form").send(form);
    for (const agent of [anonymous, signedIn]) {
      for (const token of [staffToken, madeUp]) {
        await agent.get(`/orgs/invite/${token}`);
        await post(agent, `/orgs/invite/${token}`);
      }
      for (const token of [joinToken, madeUp]) {
        await agent.get(`/join/${token}`);
        await post(agent, `/join/${token}`);
      }
      await post(agent, "/join", { code: joinCode });
      for (const token of [resetToken, madeUp]) {
        await agent.get(`/reset-password/${token}`);
        await post(agent, `/reset-password/${token}`, { password: "x" });
      }
      for (const code of [certificateCode, madeUp]) {
        await agent.get(`/verify/${code}`);
        await agent.get(`/certificates/${code}`);
        await agent.get(`/certificates/${code}.pdf`);
        await agent.get(`/certificates/${code}.json`);
        await post(agent, `/certificates/${code}/lookup`, { lookupAllowed: "no" });
        await agent.get(`/admin/certificates/${code}`);
        await agent.get(`/orgs/${org.org.slug}/certificates/${code}`);
      }
      await agent.get(`/register?email=secret@example.org&token=${madeUp}`);
      await agent.get(`/reset-password/${madeUp}/not-a-route`);
    }

    const logged = written(from);
    const requests = logged.filter((l) => l.message === "request");
    expect(requests.length).toBeGreaterThanOrEqual(2 * 29); // every visit below was logged
    for (const line of lines.slice(from)) for (const secret of secrets) expect(line).not.toContain(secret);
    const routes = new Set(requests.map((l) => l.route));
    for (const route of [
      "/orgs/invite/:token",
      "/join/:token",
      "/join",
      "/reset-password/:token",
      "/verify/:code",
      "/certificates/:code",
      "/certificates/:code.pdf",
      "/register",
      "(no route)",
    ])
      expect(routes).toContain(route);
    expect(requests.every((l) => !("path" in l))).toBe(true);
  });

  it("fills in course, module and lesson ids, which are public", async () => {
    const from = lines.length;
    await request(ctx.app).get("/courses/fixture-course/basics").expect(200);
    expect(written(from).find((l) => l.message === "request")?.route).toBe("/courses/fixture-course/basics");
  });
});
