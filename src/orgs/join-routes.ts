// Joining a cohort: following an invite link (/join/<token>) or typing a join code
// (/join). Expired, revoked, used-up links and full cohorts get a clear page.
import { type Response, Router } from "express";
import { currentUser, requireUser } from "../auth/middleware.js";
import type { AppDeps } from "../deps.js";
import { HttpError } from "../web/errors.js";
import { handleForm } from "../web/forms.js";
import { findInvite, inviteProblem, joinByCode, joinByInvite } from "./cohort-service.js";
import { countCohortSeats } from "./queries.js";
import { joinCodeSchema } from "./schemas.js";

export function joinRoutes(deps: AppDeps): Router {
  const router = Router();
  const userId = (res: Response) => currentUser(res)!.id;
  const joined = (res: Response, cohort: { courseId: string; name: string }, result: "joined" | "already") => {
    const course = deps.catalog.current.courseById.get(cohort.courseId);
    res.redirect(
      303,
      `${course?.url ?? "/learning"}?notice=${result === "joined" ? "cohort-joined" : "cohort-already"}`,
    );
  };
  const codePage = (res: Response) => ({ title: res.locals.t("orgs.join.title"), errors: {}, values: {} });

  router.get("/join", requireUser, (_req, res) => res.render("orgs/join-code", codePage(res)));

  router.post("/join", requireUser, async (req, res) => {
    await deps.rateLimiter.takeToken("join", req.ip ?? "unknown");
    await handleForm(req, res, joinCodeSchema, { view: "orgs/join-code", data: codePage(res) }, async (input) => {
      const { cohort, result } = await joinByCode(deps, userId(res), input.code);
      joined(res, cohort, result);
    });
  });

  router.get("/join/:token", async (req, res) => {
    const invite = await findInvite(deps, String(req.params.token));
    const problem = inviteProblem(invite, deps.clock.now());
    if (problem) throw new HttpError(410, problem);
    const full =
      invite.cohort.capacity !== null && (await countCohortSeats(deps.db, invite.cohort.id)) >= invite.cohort.capacity;
    const course = deps.catalog.current.courseById.get(invite.cohort.courseId);
    res.render("orgs/join-link", {
      title: res.locals.t("orgs.join.title"),
      invite,
      course,
      full,
      token: req.params.token,
    });
  });

  router.post("/join/:token", requireUser, async (req, res) => {
    const { cohort, result } = await joinByInvite(deps, userId(res), String(req.params.token));
    joined(res, cohort, result);
  });

  return router;
}
