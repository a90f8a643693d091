// Organisations: platform admins create them (/admin/orgs); an organisation's admins edit
// it at /orgs/<org>, invite admins and trainers, and create cohorts. Trainers see the
// cohorts they train. Staff invitations are accepted at /orgs/invite/<token>.
import { type Request, type Response, Router } from "express";
import * as z from "zod";
import { currentUser, requireCan, requireUser } from "../auth/middleware.js";
import type { AppDeps } from "../deps.js";
import { handleForm } from "../web/forms.js";
import { type OrgAccess, orgAccess } from "./access.js";
import { createCohort } from "./cohort-service.js";
import {
  acceptStaffInvitation,
  createOrg,
  findStaffInvitation,
  inviteStaff,
  removeStaff,
  revokeStaffInvitation,
  updateOrg,
} from "./org-service.js";
import { listOpenOrgInvitations, listOrgCohorts, listStaff, searchOrgs } from "./queries.js";
import { cohortSchema, createOrgSchema, inviteStaffSchema, updateOrgSchema } from "./schemas.js";

const ORGS_PER_PAGE = 25;
const listQuery = z.object({
  q: z.string().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function orgRoutes(deps: AppDeps): Router {
  const router = Router();
  const viewer = (res: Response) => currentUser(res)!;
  const slug = (req: Request) => String(req.params.org);

  // ---------- platform admin ----------
  const adminOrgs = async (req: Request, res: Response) => {
    const { q, page } = listQuery.parse(req.query);
    const { orgs, total } = await searchOrgs(deps.db, q, page, ORGS_PER_PAGE);
    return {
      title: res.locals.t("orgs.admin.title"),
      q,
      page,
      pages: Math.max(1, Math.ceil(total / ORGS_PER_PAGE)),
      total,
      orgs,
      errors: {},
      values: {},
    };
  };
  router.get("/admin/orgs", requireCan("orgs:create"), async (req, res) =>
    res.render("orgs/admin", await adminOrgs(req, res)),
  );
  router.post("/admin/orgs", requireCan("orgs:create"), (req, res) =>
    handleForm(req, res, createOrgSchema, { view: "orgs/admin", data: () => adminOrgs(req, res) }, async (input) => {
      const org = await createOrg(deps, input);
      res.redirect(303, `/orgs/${org.slug}?notice=org-created`);
    }),
  );

  // ---------- staff invitations (before /orgs/:org) ----------
  router.get("/orgs/invite/:token", requireUser, async (req, res) => {
    const invitation = await findStaffInvitation(deps, String(req.params.token));
    res.render("orgs/invitation", {
      title: res.locals.t("orgs.invitation.title"),
      invitation,
      token: req.params.token,
    });
  });
  router.post("/orgs/invite/:token", requireUser, async (req, res) => {
    const org = await acceptStaffInvitation(deps, viewer(res).id, String(req.params.token));
    res.redirect(303, `/orgs/${org.slug}?notice=invitation-accepted`);
  });

  // ---------- an organisation ----------
  const overview = async (res: Response, access: OrgAccess, extra: Record<string, unknown> = {}) => {
    const manage = access.platformAdmin || access.orgRole === "admin";
    const trainerOnly = manage ? undefined : access.viewer.id;
    const [cohorts, staff, invitations] = await Promise.all([
      listOrgCohorts(deps.db, access.org.id, trainerOnly),
      manage ? listStaff(deps.db, access.org.id) : Promise.resolve([]),
      manage ? listOpenOrgInvitations(deps.db, access.org.id, deps.clock.now()) : Promise.resolve([]),
    ]);
    const courses = deps.catalog.current.courses.filter((c) => c.status === "published");
    return {
      title: access.org.name,
      discreetTitle: res.locals.t("discreet.organisation"),
      org: access.org,
      manage,
      cohorts,
      staff,
      invitations,
      courses,
      errors: {},
      values: {},
      activeForm: undefined,
      ...extra,
    };
  };
  const form = (req: Request, res: Response, activeForm: string, action: "org:view" | "org:manage" = "org:manage") => ({
    view: "orgs/org",
    data: async () => overview(res, await orgAccess(deps.db, viewer(res), slug(req), action), { activeForm }),
  });

  router.get("/orgs/:org", requireUser, async (req, res) =>
    res.render("orgs/org", await overview(res, await orgAccess(deps.db, viewer(res), slug(req)))),
  );

  router.post("/orgs/:org", requireUser, async (req, res) => {
    const access = await orgAccess(deps.db, viewer(res), slug(req), "org:manage");
    await handleForm(req, res, updateOrgSchema, form(req, res, "details"), async (input) => {
      await updateOrg(deps, access.org, input);
      res.redirect(303, `/orgs/${access.org.slug}?notice=org-saved`);
    });
  });

  router.post("/orgs/:org/invitations", requireUser, async (req, res) => {
    const access = await orgAccess(deps.db, viewer(res), slug(req), "org:manage");
    await handleForm(req, res, inviteStaffSchema, form(req, res, "invite"), async (input) => {
      const link = await inviteStaff(deps, access.org, input, res.locals.locale.code);
      res.render("orgs/org", await overview(res, access, { invitationLink: link, invitedEmail: input.email }));
    });
  });

  router.post("/orgs/:org/invitations/:hash/revoke", requireUser, async (req, res) => {
    const access = await orgAccess(deps.db, viewer(res), slug(req), "org:manage");
    await revokeStaffInvitation(deps, access.org, String(req.params.hash));
    res.redirect(303, `/orgs/${access.org.slug}?notice=invitation-revoked`);
  });

  router.post("/orgs/:org/staff/:userId/remove", requireUser, async (req, res) => {
    const access = await orgAccess(deps.db, viewer(res), slug(req), "org:manage");
    await removeStaff(deps, access.org, String(req.params.userId));
    res.redirect(303, `/orgs/${access.org.slug}?notice=staff-removed`);
  });

  router.post("/orgs/:org/cohorts", requireUser, async (req, res) => {
    const access = await orgAccess(deps.db, viewer(res), slug(req), "org:manage");
    await handleForm(req, res, cohortSchema, form(req, res, "cohort"), async (input) => {
      const cohort = await createCohort(deps, access.org, input);
      res.redirect(303, `/orgs/${access.org.slug}/cohorts/${cohort.slug}/settings?notice=cohort-created`);
    });
  });

  return router;
}
