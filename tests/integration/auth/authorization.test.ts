// Every route × anonymous, learner, trainer and platform admin. Anonymous visitors can
// read course content; personal pages send them to sign in; admin pages answer 403 to
// everyone but platform admins. Routes are read from the app, so new ones are covered.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlatformRole } from "../../../src/auth/queries.js";
import { createUser, ORIGIN, signedInAgent } from "../../helpers/accounts.js";
import { createTestContext, type TestContext } from "../../helpers/context.js";
import { fillPath, listRoutes, type RouteInfo } from "../../helpers/routes.js";

type Role = "anonymous" | PlatformRole;
type Rule = "public" | "signed-in" | "trainer" | "admin";

let ctx: TestContext;
const cookies = new Map<Role, string>();
let params: Record<string, string>;

beforeAll(async () => {
  ctx = await createTestContext();
  for (const role of ["learner", "trainer", "admin"] as const) {
    const agent = await signedInAgent(ctx, await createUser(ctx, { role }));
    const res = await agent.get("/");
    cookies.set(role, (res.request as unknown as { cookies: string }).cookies);
  }
  const subject = await createUser(ctx);
  params = {
    courseId: "fixture-course",
    moduleId: "basics",
    lessonId: "first-lesson",
    resourceId: "handout",
    file: "basics/media/dot.png",
    questionId: "single",
    number: "1",
    id: subject.id,
    sessionId: "not-a-session",
    token: "a".repeat(32),
  };
});
afterAll(() => ctx.close());

function ruleFor(route: RouteInfo): Rule {
  if (route.path.startsWith("/admin")) return "admin";
  if (route.path.endsWith("/survey/results")) return "trainer";
  if (route.path.startsWith("/account") || route.path === "/logout-everywhere" || route.path === "/learning")
    return "signed-in";
  // Choosing the language a course is shown in is a cookie, open to visitors too.
  if (route.path === "/courses/:courseId/language") return "public";
  // Every change to course progress, one's own attempts and claiming certificates are personal.
  if (
    route.path.startsWith("/courses/") &&
    (route.method !== "GET" || /\/quiz\/attempts|\/certificate$|\/badge$/.test(route.path))
  )
    return "signed-in";
  if (route.path === "/certificates/:code/lookup" || route.path === "/certificates/:code/show-course")
    return "signed-in";
  // Organisations and joining a cohort (an invite link's page itself is public).
  if (
    route.path.startsWith("/orgs") ||
    route.path === "/join" ||
    (route.path === "/join/:token" && route.method === "POST")
  )
    return "signed-in";
  // Verification, certificate files (guarded by their unguessable code) and the DID document are public.
  return "public";
}

/**
 * What a permitted request must get: the page itself, or the handler's own verdict on an empty
 * form (a redirect after success, or a validation message). Organisation pages answer 404 to
 * non-members (they hide that the organisation exists), as do made-up tokens, codes and ids.
 */
function allowedAnswers(route: RouteInfo): number[] {
  if (route.path.startsWith("/orgs/") || /:(token|code|sessionId|number|hash)\b/.test(route.path)) return [404];
  return route.method === "GET" ? [200] : [303, 400, 422];
}

async function call(route: RouteInfo, role: Role) {
  const url = fillPath(route.path, params);
  const req =
    route.method === "GET"
      ? request(ctx.app).get(url)
      : request(ctx.app)[route.method.toLowerCase() as "post"](url).set("Origin", ORIGIN).type("form").send({});
  const cookie = cookies.get(role);
  return cookie ? req.set("Cookie", cookie) : req;
}

describe("authorization matrix", () => {
  const roles: Role[] = ["anonymous", "learner", "trainer", "admin"];

  it("knows every route", () => {
    const routes = listRoutes(ctx.app);
    expect(routes.filter((r) => ruleFor(r) === "admin").length).toBeGreaterThanOrEqual(4);
    expect(routes.filter((r) => ruleFor(r) === "signed-in").length).toBeGreaterThanOrEqual(15);
    expect(routes.filter((r) => ruleFor(r) === "trainer").length).toBe(2);
  });

  it.each(roles)("as %s", async (role) => {
    for (const route of listRoutes(ctx.app)) {
      // Signing out would end the session the rest of the matrix uses.
      if (route.path === "/logout" || route.path === "/logout-everywhere") continue;
      const res = await call(route, role);
      const where = `${role} ${route.method} ${route.path} → ${res.status}`;
      const rule = ruleFor(route);
      const toSignIn = res.status === 303 && String(res.headers.location).startsWith("/login?next=");
      if (rule === "public") {
        expect(res.status, where).not.toBe(403);
        expect(toSignIn, where).toBe(false);
      } else if (role === "anonymous") {
        expect(toSignIn, where).toBe(true);
      } else if ((rule === "admin" && role !== "admin") || (rule === "trainer" && role === "learner")) {
        expect(res.status, where).toBe(403);
      } else {
        expect(allowedAnswers(route), where).toContain(res.status);
      }
    }
  });

  it("answers 403 with a clear page, not a stack trace", async () => {
    const res = await request(ctx.app).get("/admin").set("Cookie", cookies.get("learner")!).expect(403);
    expect(res.text).toContain("<h1>Not allowed</h1>");
    expect(res.text).toContain("You do not have permission to do this.");
  });
});
